using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports parents' and carers' contact details. The MIS holds them: for each student named in the file, the file's
/// rows become the student's contacts, in priority order (the <c>priority</c> column, else the file's order); students
/// not in the file keep theirs. Letters go to the first contact with parental responsibility.
/// </summary>
public sealed class ImportContacts(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportContacts.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("contacts", ["student_id", "name", "relationship"],
        ["priority", "parental_responsibility", "phone", "email", "address", "postcode", "lives_with_student", "preferred_method", "no_contact"]);

    /// <summary>The most contacts a student may have.</summary>
    public const int MaxPerStudent = Domain.Limits.ContactsPerStudent;

    private static readonly int StudentCol = Columns.IndexOf("student_id"), NameCol = Columns.IndexOf("name"), RelationshipCol = Columns.IndexOf("relationship"),
        PriorityCol = Columns.IndexOf("priority"), ResponsibilityCol = Columns.IndexOf("parental_responsibility"), PhoneCol = Columns.IndexOf("phone"),
        EmailCol = Columns.IndexOf("email"), AddressCol = Columns.IndexOf("address"), PostcodeCol = Columns.IndexOf("postcode"),
        LivesCol = Columns.IndexOf("lives_with_student"), MethodCol = Columns.IndexOf("preferred_method"), NoContactCol = Columns.IndexOf("no_contact");

    private Dictionary<string, int> _students = [];
    private readonly Dictionary<int, List<(int? Priority, int Line)>> _perStudent = [];

    public sealed record Row(int StudentId, string Name, string Relationship, int? Priority, bool ParentalResponsibility, string? Phone, string? Email, int Line,
        string? Address = null, bool LivesWithStudent = false, string? PreferredMethod = null, bool NoContact = false);

    public override ImportSchema Schema => Columns;

    protected override Type? MainEntity => typeof(StudentContact);

    protected override async Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _perStudent.Clear();
        _students = await Lookups.StudentsAsync(Db, institutionId, ct);
    }

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        var student = Lookups.Student(r, StudentCol, p, _students);
        if (Fields.Required(r, NameCol, p, out var name))
        {
            Fields.MaxLength(r, NameCol, p, name, 200);
        }
        if (Fields.Required(r, RelationshipCol, p, out var relationship))
        {
            Fields.MaxLength(r, RelationshipCol, p, relationship, 64);
        }
        Fields.OptionalInteger(r, PriorityCol, p, 1, MaxPerStudent, out var priority);
        var responsibility = true;
        if (r[ResponsibilityCol].Length > 0)
        {
            Fields.Boolean(r, ResponsibilityCol, p, out responsibility);
        }
        var phone = r[PhoneCol];
        Fields.MaxLength(r, PhoneCol, p, phone, 32);
        var email = r[EmailCol];
        if (Fields.MaxLength(r, EmailCol, p, email, 254) && email.Length > 0 && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
        {
            p.Add(r.Line, r.ColumnNumber(EmailCol), $"email '{Fields.Shorten(email)}' is not an e-mail address; expected something like name@example.com, or nothing");
        }
        var address = ContactAddress.Normalise(r[AddressCol], r[PostcodeCol]);
        if (address is { Length: > ContactAddress.MaxLength })
        {
            p.Add(r.Line, r.ColumnNumber(r[AddressCol].Length > 0 ? AddressCol : PostcodeCol), $"the address is {address.Length} characters; expected at most {ContactAddress.MaxLength}");
        }
        Fields.MaxLength(r, PostcodeCol, p, r[PostcodeCol], 10);
        var lives = false;
        if (r[LivesCol].Length > 0)
        {
            Fields.Boolean(r, LivesCol, p, out lives);
        }
        var noContact = false;
        if (r[NoContactCol].Length > 0)
        {
            Fields.Boolean(r, NoContactCol, p, out noContact);
        }
        var method = r[MethodCol].Trim().ToLowerInvariant();
        method = method switch { "telephone" or "mobile" or "call" => "phone", "e-mail" => "email", "post" => "letter", "sms" or "text message" => "text", _ => method };
        if (method.Length > 0 && !StudentContact.Methods.Contains(method))
        {
            p.Add(r.Line, r.ColumnNumber(MethodCol), $"preferred_method '{Fields.Shorten(r[MethodCol])}' is not a way of contacting; expected {string.Join(", ", StudentContact.Methods)} or nothing");
        }
        if (p.Count > before)
        {
            return null;
        }
        var theirs = _perStudent.TryGetValue(student!.Value, out var list) ? list : _perStudent[student.Value] = [];
        if (theirs.Count == MaxPerStudent)
        {
            p.Add(r.Line, r.ColumnNumber(StudentCol), $"student_id '{r[StudentCol]}' has more than {MaxPerStudent} contacts (from line {theirs[0].Line}); expected at most {MaxPerStudent}");
            return null;
        }
        if (priority is { } n && theirs.FirstOrDefault(x => x.Priority == n) is { Line: > 0 } same)
        {
            p.Add(r.Line, r.ColumnNumber(PriorityCol), $"priority {n} is given twice for student_id '{r[StudentCol]}' (first on line {same.Line}); expected each contact of a student to have its own priority");
            return null;
        }
        theirs.Add((priority, r.Line));
        return new Row(student.Value, name, relationship, priority, responsibility, phone.Length == 0 ? null : phone, email.Length == 0 ? null : email, r.Line,
            address, lives, method.Length == 0 ? null : method, noContact);
    }

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var ids = rows.Select(x => x.StudentId).Distinct().ToList();
        var existing = (await Db.StudentContacts.Where(c => ids.Contains(c.StudentId)).ToListAsync(ct)).ToLookup(c => c.StudentId);
        int inserted = 0, updated = 0, unchanged = 0, removed = 0;
        foreach (var group in rows.GroupBy(x => x.StudentId))
        {
            // Priority order: the given priorities first, then the rest in the file's order.
            var ordered = group.OrderBy(x => x.Priority ?? int.MaxValue).ThenBy(x => x.Line).ToList();
            // Contacts entered on the profile stay, unless the MIS now holds someone of the same name (then the MIS's wins).
            var held = existing[group.Key].OrderBy(c => c.Priority).ToList();
            var kept = held.Where(h => h.EnteredHere && !ordered.Any(o => string.Equals(o.Name, h.Name, StringComparison.OrdinalIgnoreCase))).ToList();
            held.RemoveAll(kept.Contains);
            for (var i = 0; i < ordered.Count; i++)
            {
                var row = ordered[i];
                var c = held.FirstOrDefault(h => string.Equals(h.Name, row.Name, StringComparison.OrdinalIgnoreCase));
                if (c is null)
                {
                    Db.StudentContacts.Add(new StudentContact
                    {
                        StudentId = row.StudentId,
                        Name = row.Name,
                        Relationship = row.Relationship,
                        Priority = i + 1,
                        ParentalResponsibility = row.ParentalResponsibility,
                        Phone = row.Phone,
                        Email = row.Email,
                        Address = row.Address,
                        LivesWithStudent = row.LivesWithStudent,
                        PreferredMethod = row.PreferredMethod,
                        NoContact = row.NoContact,
                        UpdatedAt = now,
                        UpdatedBy = actor,
                    });
                    inserted++;
                    continue;
                }
                held.Remove(c);
                c.EnteredHere = false;
                (c.Name, c.Relationship, c.Priority, c.ParentalResponsibility, c.Phone, c.Email) =
                    (row.Name, row.Relationship, i + 1, row.ParentalResponsibility, row.Phone, row.Email);
                (c.Address, c.LivesWithStudent, c.PreferredMethod, c.NoContact) = (row.Address, row.LivesWithStudent, row.PreferredMethod, row.NoContact);
                Structure.Tally(Db, c, ref inserted, ref updated, ref unchanged);
                if (Db.Entry(c).State == EntityState.Modified)
                {
                    (c.UpdatedAt, c.UpdatedBy) = (now, actor);
                }
            }
            foreach (var gone in held)
            {
                Db.StudentContacts.Remove(gone);
                removed++;
            }
            for (var i = 0; i < kept.Count; i++)
            {
                kept[i].Priority = ordered.Count + i + 1;
            }
        }
        await Db.SaveChangesAsync(ct);
        return new ImportCounts(inserted, updated + removed, unchanged);
    }
}

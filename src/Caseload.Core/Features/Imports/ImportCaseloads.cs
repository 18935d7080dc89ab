using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports individual caseloads — a student on a tutor's caseload from a date, and until a date when it ends — for
/// colleges whose tutors hold named students rather than tutor groups (both may coexist: a tutor's caseload is their
/// groups' students and these). Keyed by student, tutor and start date; running the file again changes nothing, and a
/// new end date closes an assignment. Ranges of the same student with the same tutor may not overlap.
/// </summary>
public sealed class ImportCaseloads(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportCaseloads.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("caseloads", ["student_id", "staff_id", "from"], ["to"]);

    private static readonly int StudentCol = Columns.IndexOf("student_id"), StaffCol = Columns.IndexOf("staff_id"),
        FromCol = Columns.IndexOf("from"), ToCol = Columns.IndexOf("to");

    private Dictionary<string, int> _students = [];
    private Dictionary<string, (int Id, bool Active, bool Tutors)> _staff = [];
    private readonly Dictionary<(int Student, int Staff), List<(DateOnly From, DateOnly? To, int Line)>> _ranges = [];

    public sealed record Row(int StudentId, int StaffId, DateOnly From, DateOnly? To, int Line);

    public override ImportSchema Schema => Columns;

    protected override Type? MainEntity => typeof(CaseloadMember);

    protected override async Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _ranges.Clear();
        _students = await Lookups.StudentsAsync(Db, institutionId, ct);
        _staff = await Db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId)
            .Select(s => new { s.ExternalId, s.Id, s.Active, Tutors = Db.StaffRoles.Any(r => r.StaffId == s.Id && (r.Role == Roles.Tutor || r.Role == Roles.SeniorTutor)) })
            .ToDictionaryAsync(s => s.ExternalId, s => (s.Id, s.Active, s.Tutors), StringComparer.OrdinalIgnoreCase, ct);
        // Assignments already held: a range in the file may not overlap one of them that starts on another day.
        foreach (var m in await Db.CaseloadMembers.AsNoTracking().Where(m => Db.Students.Any(s => s.Id == m.StudentId && s.InstitutionId == institutionId)).ToListAsync(ct))
        {
            Ranges(m.StudentId, m.StaffId).Add((m.From, m.To, 0));
        }
    }

    private List<(DateOnly From, DateOnly? To, int Line)> Ranges(int student, int staff) =>
        _ranges.TryGetValue((student, staff), out var list) ? list : _ranges[(student, staff)] = [];

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        var student = Lookups.Student(r, StudentCol, p, _students);
        int? staff = null;
        if (Fields.Required(r, StaffCol, p, out var staffId))
        {
            string? why = !_staff.TryGetValue(staffId, out var s) ? "is not a member of staff; expected a staff_id from the staff import (import staff first)"
                : !s.Active ? "has left; expected a member of staff who is still here"
                : !s.Tutors ? "is not a tutor; give them the tutor role in the staff import's roles column first"
                : null;
            if (why is null)
            {
                staff = s.Id;
            }
            else
            {
                p.Add(r.Line, r.ColumnNumber(StaffCol), $"staff_id '{Fields.Shorten(staffId)}' {why}");
            }
        }
        Fields.Date(r, FromCol, p, out var from);
        if (Fields.OptionalDate(r, ToCol, p, out var to) && to is { } end && end < from && p.Count == before)
        {
            p.Add(r.Line, r.ColumnNumber(ToCol), $"to {end:yyyy-MM-dd} is before from {from:yyyy-MM-dd}; expected the day the assignment ends, on or after it begins");
        }
        if (p.Count > before)
        {
            return null;
        }
        var ranges = Ranges(student!.Value, staff!.Value);
        foreach (var (f, t, line) in ranges.Where(x => x.From != from || x.Line != 0))
        {
            if (from <= (t ?? DateOnly.MaxValue) && f <= (to ?? DateOnly.MaxValue))
            {
                var where = line == 0 ? "an assignment already held" : $"line {line}";
                p.Add(r.Line, r.ColumnNumber(FromCol), $"{from:yyyy-MM-dd} to {(to is { } e ? e.ToString("yyyy-MM-dd") : "open")} overlaps {where} ({f:yyyy-MM-dd} to {(t is { } e2 ? e2.ToString("yyyy-MM-dd") : "open")}) for this student and tutor; expected ranges that do not overlap");
                return null;
            }
        }
        ranges.RemoveAll(x => x.From == from && x.Line == 0); // the file's row replaces the one held from that day
        ranges.Add((from, to, r.Line));
        return new Row(student.Value, staff.Value, from, to, r.Line);
    }

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var ids = rows.Select(x => x.StudentId).Distinct().ToList();
        var existing = await Db.CaseloadMembers.Where(m => ids.Contains(m.StudentId)).ToDictionaryAsync(m => (m.StaffId, m.StudentId, m.From), ct);
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue((row.StaffId, row.StudentId, row.From), out var m))
            {
                Db.CaseloadMembers.Add(new CaseloadMember { StaffId = row.StaffId, StudentId = row.StudentId, From = row.From, To = row.To });
                inserted++;
                continue;
            }
            m.To = row.To;
            Structure.Tally(Db, m, ref inserted, ref updated, ref unchanged);
        }
        await Db.SaveChangesAsync(ct);
        await DataVersion.RaiseAsync(Db, ct);
        return new ImportCounts(inserted, updated, unchanged);
    }
}

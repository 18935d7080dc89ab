using System.Text.RegularExpressions;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Imports;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports students by <c>student_id</c>. Year groups, tutor groups and houses named in the file are created when
/// missing (MIS exports rarely come in dependency order). Students missing from the file are left alone.
/// </summary>
public sealed partial class ImportStudents(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportStudents.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("students",
        ["student_id", "first_name", "last_name", "date_of_birth", "year_group"],
        ["upn", "uln", "preferred_name", "tutor_group", "house", "gender", "disadvantaged", "send", "ehcp",
         "looked_after", "young_carer", "eal", "most_able", "prior_attainment", "leaving_date", "leaving_reason"]);

    private static readonly int Id = Columns.IndexOf("student_id"), First = Columns.IndexOf("first_name"),
        Last = Columns.IndexOf("last_name"), Dob = Columns.IndexOf("date_of_birth"), Year = Columns.IndexOf("year_group"),
        UpnCol = Columns.IndexOf("upn"), UlnCol = Columns.IndexOf("uln"), Preferred = Columns.IndexOf("preferred_name"),
        Group = Columns.IndexOf("tutor_group"), HouseCol = Columns.IndexOf("house"), GenderCol = Columns.IndexOf("gender"),
        Disadvantaged = Columns.IndexOf("disadvantaged"), SendCol = Columns.IndexOf("send"), EhcpCol = Columns.IndexOf("ehcp"),
        Lac = Columns.IndexOf("looked_after"), Carer = Columns.IndexOf("young_carer"), EalCol = Columns.IndexOf("eal"),
        Able = Columns.IndexOf("most_able"), Prior = Columns.IndexOf("prior_attainment"),
        Leaving = Columns.IndexOf("leaving_date"), LeavingWhy = Columns.IndexOf("leaving_reason");

    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);
    private DateOnly _today;

    public sealed record Row(
        string StudentId, string FirstName, string LastName, DateOnly DateOfBirth, string YearGroup,
        string? Upn, string? Uln, string? PreferredName, string? TutorGroup, string? House, string? Gender,
        bool Disadvantaged, bool Send, bool Ehcp, bool LookedAfter, bool YoungCarer, bool Eal, bool MostAble,
        decimal? PriorAttainment, DateOnly? LeftOn = null, string? LeavingReason = null);

    public override ImportSchema Schema => Columns;

    protected override Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _seen.Clear();
        _today = Today;
        return Task.CompletedTask;
    }

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        if (Fields.Required(r, Id, p, out var id) && Fields.MaxLength(r, Id, p, id, 64) && !_seen.TryAdd(id, r.Line))
        {
            p.Add(r.Line, r.ColumnNumber(Id), $"student_id '{id}' appears again (first on line {_seen[id]}); expected one row per student");
        }
        if (Fields.Required(r, First, p, out var first))
        {
            Fields.MaxLength(r, First, p, first, 100);
        }
        if (Fields.Required(r, Last, p, out var last))
        {
            Fields.MaxLength(r, Last, p, last, 100);
        }
        if (Fields.Date(r, Dob, p, out var dob) && (dob > _today || dob.Year < 1900))
        {
            p.Add(r.Line, r.ColumnNumber(Dob), $"date_of_birth {dob:yyyy-MM-dd} is not a plausible date of birth; expected a past date");
        }
        if (Fields.Required(r, Year, p, out var year))
        {
            Fields.MaxLength(r, Year, p, year, 32);
        }
        var upn = r[UpnCol].ToUpperInvariant();
        if (upn.Length > 0 && !UpnPattern().IsMatch(upn))
        {
            p.Add(r.Line, r.ColumnNumber(UpnCol), $"upn '{Fields.Shorten(upn)}' is not a UPN; expected a letter followed by 11 digits and a final digit or letter (13 characters)");
        }
        var uln = r[UlnCol];
        if (uln.Length > 0 && !UlnPattern().IsMatch(uln))
        {
            p.Add(r.Line, r.ColumnNumber(UlnCol), $"uln '{Fields.Shorten(uln)}' is not a ULN; expected 10 digits");
        }
        var preferred = r[Preferred];
        Fields.MaxLength(r, Preferred, p, preferred, 100);
        var group = r[Group];
        Fields.MaxLength(r, Group, p, group, 32);
        var house = r[HouseCol];
        Fields.MaxLength(r, HouseCol, p, house, 32);
        var gender = r[GenderCol];
        Fields.MaxLength(r, GenderCol, p, gender, 32);
        Fields.Boolean(r, Disadvantaged, p, out var disadvantaged);
        Fields.Boolean(r, SendCol, p, out var send);
        Fields.Boolean(r, EhcpCol, p, out var ehcp);
        Fields.Boolean(r, Lac, p, out var lac);
        Fields.Boolean(r, Carer, p, out var carer);
        Fields.Boolean(r, EalCol, p, out var eal);
        Fields.Boolean(r, Able, p, out var able);
        Fields.OptionalDecimal(r, Prior, p, 0m, 999.99m, out var prior);
        var reason = r[LeavingWhy];
        Fields.MaxLength(r, LeavingWhy, p, reason, 200);
        if (Fields.OptionalDate(r, Leaving, p, out var left) && left is { } day)
        {
            if (day > _today.AddYears(1) || day.Year < 1900 || (p.Count == before && day < dob))
            {
                p.Add(r.Line, r.ColumnNumber(Leaving), $"leaving_date {day:yyyy-MM-dd} is not a plausible last day; expected a date after the date of birth and within a year from today");
            }
        }
        else if (reason.Length > 0 && p.Count == before)
        {
            p.Add(r.Line, r.ColumnNumber(LeavingWhy), "leaving_reason is given without a leaving_date; expected the student's last day too");
        }
        if (p.Count > before)
        {
            return null;
        }
        return new Row(id, first, last, dob, year, NullIfEmpty(upn), NullIfEmpty(uln), NullIfEmpty(preferred),
            NullIfEmpty(group), NullIfEmpty(house), NullIfEmpty(gender), disadvantaged, send, ehcp, lac, carer, eal, able, prior, left, NullIfEmpty(reason));
    }

    /// <summary>Flags, prior attainment, courses and targets feed every student's summary: refresh them all.</summary>
    protected override Task<IReadOnlyCollection<int>?> StudentsToRefreshAsync(List<Row> rows, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<int>?>(null);

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var years = await Structure.YearGroupsAsync(Db, institutionId, rows.Select(x => x.YearGroup), ct);
        var groups = await Structure.TutorGroupsAsync(Db, institutionId, rows.Where(x => x.TutorGroup is not null).Select(x => (x.TutorGroup!, years[x.YearGroup].Id)), ct);
        var houses = await Structure.HousesAsync(Db, institutionId, rows.Select(x => x.House).OfType<string>(), ct);
        var existing = await Db.Students.Where(s => s.InstitutionId == institutionId)
            .ToDictionaryAsync(s => s.ExternalId, StringComparer.OrdinalIgnoreCase, ct);

        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.StudentId, out var s))
            {
                s = new Student { InstitutionId = institutionId, ExternalId = row.StudentId, FirstName = row.FirstName, LastName = row.LastName };
                Db.Students.Add(s);
            }
            s.FirstName = row.FirstName;
            s.LastName = row.LastName;
            s.PreferredName = row.PreferredName;
            s.DateOfBirth = row.DateOfBirth;
            s.YearGroupId = years[row.YearGroup].Id;
            s.TutorGroupId = row.TutorGroup is null ? null : groups[row.TutorGroup].Id;
            s.HouseId = row.House is null ? null : houses[row.House].Id;
            s.Upn = row.Upn;
            s.Uln = row.Uln;
            s.Gender = row.Gender;
            s.Disadvantaged = row.Disadvantaged;
            s.Send = row.Send;
            s.Ehcp = row.Ehcp;
            s.LookedAfter = row.LookedAfter;
            s.YoungCarer = row.YoungCarer;
            s.Eal = row.Eal;
            s.MostAble = row.MostAble;
            s.PriorAttainment = row.PriorAttainment;
            // A leaver drops out of caseloads and counts after their last day (a date still to come: after a later import).
            (s.LeftOn, s.LeavingReason, s.OnRoll) = (row.LeftOn, row.LeavingReason, row.LeftOn is not { } last || last >= _today);
            var entry = Db.Entry(s);
            entry.DetectChanges();
            switch (entry.State)
            {
                case EntityState.Added:
                    inserted++;
                    break;
                case EntityState.Modified:
                    updated++;
                    break;
                default:
                    unchanged++;
                    continue;
            }
            s.UpdatedAt = now;
            s.UpdatedBy = actor;
        }
        await Db.SaveChangesAsync(ct);
        return new ImportCounts(inserted, updated, unchanged);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex("^[A-Z][0-9]{11}[0-9A-Z]$")]
    private static partial Regex UpnPattern();

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex UlnPattern();
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports tutor groups by <c>tutor_group</c>: the year group, the tutor, and (optionally) the senior tutor whose
/// team the tutor belongs to. A tutor's caseload is the students of the groups they tutor.
/// </summary>
public sealed class ImportTutorGroups(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportTutorGroups.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("tutor-groups", ["tutor_group", "year_group", "tutor_staff_id"], ["senior_tutor_staff_id"]);

    private static readonly int Group = Columns.IndexOf("tutor_group"), Year = Columns.IndexOf("year_group"),
        Tutor = Columns.IndexOf("tutor_staff_id"), Senior = Columns.IndexOf("senior_tutor_staff_id");

    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, int> _staff = [];

    public sealed record Row(string TutorGroup, string YearGroup, int TutorStaffId, int? SeniorTutorStaffId);

    public override ImportSchema Schema => Columns;

    protected override async Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _seen.Clear();
        _staff = await Lookups.StaffAsync(Db, institutionId, ct);
    }

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        if (Fields.Required(r, Group, p, out var group) && Fields.MaxLength(r, Group, p, group, 32) && !_seen.TryAdd(group, r.Line))
        {
            p.Add(r.Line, r.ColumnNumber(Group), $"tutor_group '{group}' appears again (first on line {_seen[group]}); expected one row per tutor group");
        }
        if (Fields.Required(r, Year, p, out var year))
        {
            Fields.MaxLength(r, Year, p, year, 32);
        }
        var tutor = StaffId(r, Tutor, p, required: true);
        var senior = StaffId(r, Senior, p, required: false);
        return p.Count > before ? null : new Row(group, year, tutor!.Value, senior);
    }

    private int? StaffId(CsvImportReader r, int column, ImportProblems p, bool required)
    {
        var value = r[column];
        if (value.Length == 0)
        {
            if (required)
            {
                Fields.Required(r, column, p, out _);
            }
            return null;
        }
        if (_staff.TryGetValue(value, out var id))
        {
            return id;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"{r.Schema.Columns[column]} '{Fields.Shorten(value)}' is not a member of staff; expected a staff_id from the staff import (import staff first)");
        return null;
    }

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var years = await Structure.YearGroupsAsync(Db, institutionId, rows.Select(x => x.YearGroup), ct);
        var existing = await Db.TutorGroups.Where(x => x.InstitutionId == institutionId)
            .ToDictionaryAsync(x => x.Code, StringComparer.OrdinalIgnoreCase, ct);
        var teams = await Db.TutorTeamMembers.Where(x => x.InstitutionId == institutionId)
            .Select(x => new { x.SeniorTutorStaffId, x.TutorStaffId }).ToListAsync(ct);
        var teamPairs = teams.Select(x => (x.SeniorTutorStaffId, x.TutorStaffId)).ToHashSet();

        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.TutorGroup, out var g))
            {
                g = Db.TutorGroups.Add(new TutorGroup { InstitutionId = institutionId, Code = row.TutorGroup }).Entity;
            }
            g.YearGroupId = years[row.YearGroup].Id;
            g.TutorStaffId = row.TutorStaffId;
            var teamChanged = false;
            if (row.SeniorTutorStaffId is { } senior && senior != row.TutorStaffId && teamPairs.Add((senior, row.TutorStaffId)))
            {
                Db.TutorTeamMembers.Add(new TutorTeamMember { InstitutionId = institutionId, SeniorTutorStaffId = senior, TutorStaffId = row.TutorStaffId });
                teamChanged = true;
            }
            var before = (inserted, updated);
            Structure.Tally(Db, g, ref inserted, ref updated, ref unchanged);
            if (teamChanged && (inserted, updated) == before)
            {
                unchanged--;
                updated++;
            }
        }
        await Db.SaveChangesAsync(ct);
        return new ImportCounts(inserted, updated, unchanged);
    }
}

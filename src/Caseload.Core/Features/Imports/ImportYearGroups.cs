using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports year groups by <c>year_group</c> (created when new): their name and their progress leader (Head of Year), who
/// then sees every student of the year. An empty <c>progress_leader_staff_id</c> leaves the year without a leader. With an
/// <c>assistant_staff_ids</c> column, its staff ids (separated by <c>;</c>) become the year's assistant leaders, who see
/// the year like its leader; an empty cell removes them.
/// </summary>
public sealed class ImportYearGroups(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportYearGroups.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("year-groups", ["year_group", "progress_leader_staff_id"], ["name", "assistant_staff_ids"]);

    /// <summary>The most assistants a year group may have.</summary>
    public const int MaxAssistants = 10;

    private static readonly int Code = Columns.IndexOf("year_group"), Leader = Columns.IndexOf("progress_leader_staff_id"), Name = Columns.IndexOf("name"),
        Assistants = Columns.IndexOf("assistant_staff_ids");

    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Leaders.Candidate> _staff = [];

    public sealed record Row(string Code, string? Name, int? LeaderStaffId, IReadOnlyList<int>? AssistantStaffIds = null);

    public override ImportSchema Schema => Columns;

    protected override Type? MainEntity => typeof(YearGroup);

    protected override async Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _seen.Clear();
        _staff = await Leaders.ForAsync(Db, institutionId, ct);
    }

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        if (Fields.Required(r, Code, p, out var code) && Fields.MaxLength(r, Code, p, code, 32) && !_seen.TryAdd(code, r.Line))
        {
            p.Add(r.Line, r.ColumnNumber(Code), $"year_group '{code}' appears again (first on line {_seen[code]}); expected one row per year group");
        }
        var name = r[Name];
        Fields.MaxLength(r, Name, p, name, 100);
        var leader = Leaders.Read(r, Leader, p, _staff);
        List<int>? assistants = null;
        if (r.Has(Assistants))
        {
            var ids = r[Assistants].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Length > MaxAssistants)
            {
                p.Add(r.Line, r.ColumnNumber(Assistants), $"assistant_staff_ids names {ids.Length} people; expected at most {MaxAssistants}, separated by ';'");
            }
            else
            {
                assistants = [];
                foreach (var id in ids)
                {
                    if (Leaders.Check(r, Assistants, id, p, _staff) is { } staffId && !assistants.Contains(staffId))
                    {
                        assistants.Add(staffId);
                    }
                }
            }
        }
        return p.Count > before ? null : new Row(code, name.Length == 0 ? null : name, leader, assistants);
    }

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var existing = await Db.YearGroups.Where(x => x.InstitutionId == institutionId).Select(x => x.Code).ToListAsync(ct);
        var before = existing.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var years = await Structure.YearGroupsAsync(Db, institutionId, rows.Select(x => x.Code), ct);
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var y = years[row.Code];
            y.Name = row.Name ?? y.Name;
            y.ProgressLeaderStaffId = row.LeaderStaffId;
            var assistantsChanged = row.AssistantStaffIds is { } wanted && await SetAssistantsAsync(y, wanted, ct);
            if (!before.Contains(row.Code))
            {
                inserted++;
                continue;
            }
            if (assistantsChanged && Db.Entry(y).State == EntityState.Unchanged)
            {
                updated++;
                continue;
            }
            Structure.Tally(Db, y, ref inserted, ref updated, ref unchanged);
        }
        await Db.SaveChangesAsync(ct);
        await DataVersion.RaiseAsync(Db, ct);
        return new ImportCounts(inserted, updated, unchanged);
    }

    // Year groups are saved before this (Structure.YearGroupsAsync), so each has its id.
    private async Task<bool> SetAssistantsAsync(YearGroup year, IReadOnlyList<int> wanted, CancellationToken ct)
    {
        var held = await Db.YearGroupAssistants.Where(a => a.YearGroupId == year.Id).ToListAsync(ct);
        var gone = held.Where(a => !wanted.Contains(a.StaffId)).ToList();
        var added = wanted.Where(id => held.All(a => a.StaffId != id)).ToList();
        Db.YearGroupAssistants.RemoveRange(gone);
        Db.YearGroupAssistants.AddRange(added.Select(id => new YearGroupAssistant { YearGroupId = year.Id, StaffId = id }));
        return gone.Count + added.Count > 0;
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports houses by <c>house</c> (created when new): their name and their head (a Head of House, holding the
/// progress-leader role), who then sees every student of the house. An empty <c>head_staff_id</c> leaves it without one.
/// </summary>
public sealed class ImportHouses(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportHouses.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("houses", ["house", "head_staff_id"], ["name"]);

    private static readonly int Code = Columns.IndexOf("house"), Leader = Columns.IndexOf("head_staff_id"), Name = Columns.IndexOf("name");

    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Leaders.Candidate> _staff = [];

    public sealed record Row(string Code, string? Name, int? LeaderStaffId);

    public override ImportSchema Schema => Columns;

    protected override Type? MainEntity => typeof(House);

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
            p.Add(r.Line, r.ColumnNumber(Code), $"house '{code}' appears again (first on line {_seen[code]}); expected one row per house");
        }
        var name = r[Name];
        Fields.MaxLength(r, Name, p, name, 100);
        var leader = Leaders.Read(r, Leader, p, _staff);
        return p.Count > before ? null : new Row(code, name.Length == 0 ? null : name, leader);
    }

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var existing = await Db.Houses.Where(x => x.InstitutionId == institutionId).Select(x => x.Code).ToListAsync(ct);
        var before = existing.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var houses = await Structure.HousesAsync(Db, institutionId, rows.Select(x => x.Code), ct);
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var y = houses[row.Code];
            y.Name = row.Name ?? y.Name;
            y.HeadStaffId = row.LeaderStaffId;
            if (!before.Contains(row.Code))
            {
                inserted++;
                continue;
            }
            Structure.Tally(Db, y, ref inserted, ref updated, ref unchanged);
        }
        await Db.SaveChangesAsync(ct);
        await DataVersion.RaiseAsync(Db, ct);
        return new ImportCounts(inserted, updated, unchanged);
    }
}

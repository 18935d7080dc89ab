using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>Finds or creates the year groups, tutor groups and houses an import names, and saves them so they have ids.</summary>
internal static class Structure
{
    public static async Task<Dictionary<string, YearGroup>> YearGroupsAsync(CaseloadDbContext db, int institutionId, IEnumerable<string> codes, CancellationToken ct)
    {
        var map = await db.YearGroups.Where(x => x.InstitutionId == institutionId).ToDictionaryAsync(x => x.Code, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var code in codes.Distinct(StringComparer.OrdinalIgnoreCase).Where(c => !map.ContainsKey(c)))
        {
            var name = int.TryParse(code, out _) ? $"Year {code}" : code;
            map[code] = db.YearGroups.Add(new YearGroup { InstitutionId = institutionId, Code = code, Name = name }).Entity;
        }
        await db.SaveChangesAsync(ct);
        return map;
    }

    public static async Task<Dictionary<string, TutorGroup>> TutorGroupsAsync(CaseloadDbContext db, int institutionId, IEnumerable<(string Code, int YearGroupId)> wanted, CancellationToken ct)
    {
        var map = await db.TutorGroups.Where(x => x.InstitutionId == institutionId).ToDictionaryAsync(x => x.Code, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var (code, yearGroupId) in wanted)
        {
            if (!map.ContainsKey(code))
            {
                map[code] = db.TutorGroups.Add(new TutorGroup { InstitutionId = institutionId, Code = code, YearGroupId = yearGroupId }).Entity;
            }
        }
        await db.SaveChangesAsync(ct);
        return map;
    }

    public static async Task<Dictionary<string, House>> HousesAsync(CaseloadDbContext db, int institutionId, IEnumerable<string> codes, CancellationToken ct)
    {
        var map = await db.Houses.Where(x => x.InstitutionId == institutionId).ToDictionaryAsync(x => x.Code, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var code in codes.Distinct(StringComparer.OrdinalIgnoreCase).Where(c => !map.ContainsKey(c)))
        {
            map[code] = db.Houses.Add(new House { InstitutionId = institutionId, Code = code, Name = code }).Entity;
        }
        await db.SaveChangesAsync(ct);
        return map;
    }

    /// <summary>Counts what a tracked entity's pending save would do, for import summaries.</summary>
    public static void Tally(CaseloadDbContext db, object entity, ref int inserted, ref int updated, ref int unchanged)
    {
        var entry = db.Entry(entity);
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
                break;
        }
    }
}

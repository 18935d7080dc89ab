using Caseload.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.SupportPlans;

/// <summary>
/// What a subject teacher sees of a student's support plans: "support plan in place" and the strategies the plan's owner
/// wrote for them — never the plan. For students the caller has already found the viewer may see (a class list).
/// </summary>
public sealed class SupportPlanStrategies(CaseloadDbContext db)
{
    public sealed record Strategy(string Plan, string Text);

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Strategy>>> ForStudentsAsync(IReadOnlyCollection<int> studentIds, CancellationToken ct = default)
    {
        if (studentIds.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<Strategy>>();
        }
        var ids = studentIds.ToList();
        var rows = await db.SupportPlans.AsNoTracking().Where(p => ids.Contains(p.StudentId) && p.EndedOn == null && p.Strategies != null)
            .Select(p => new { p.StudentId, p.Kind, p.Strategies }).ToListAsync(ct);
        return rows.GroupBy(r => r.StudentId).ToDictionary(g => g.Key, g => (IReadOnlyList<Strategy>)[.. g.Select(r => new Strategy(SupportPlanKinds.Name(r.Kind), r.Strategies!))]);
    }
}

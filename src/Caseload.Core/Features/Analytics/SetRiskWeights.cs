using Caseload.Core.Data;
using Caseload.Core.Rules;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Analytics;

/// <summary>Changes an institution's early-warning weights (audited) and recomputes every score with them.</summary>
public sealed class SetRiskWeights(CaseloadDbContext db, TimeProvider clock)
{
    public static async Task<RiskWeights> ReadAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default) =>
        RiskWeights.FromStored(await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.RiskWeights).FirstAsync(ct));

    public async Task<RiskWeights> HandleAsync(int institutionId, string changes, CancellationToken ct = default)
    {
        var institution = await db.Institutions.FirstAsync(i => i.Id == institutionId, ct);
        if (!RiskWeights.TryParse(changes, RiskWeights.FromStored(institution.RiskWeights), out var weights, out var error))
        {
            throw new ValidationException(error);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        institution.RiskWeights = weights.ToString();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await StudentSummaries.RecomputeAsync(db, institutionId, null, clock.Today(), clock.GetUtcNow().UtcDateTime, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return weights;
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Rules;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Risk;

/// <summary>
/// The institution's early-warning weights: read them, change some by hand, restore an earlier set, list every set it
/// has had. Every change is kept as a dated <see cref="RiskWeightSet"/> (by whom, from where), audited, and every score
/// is recomputed with the new weights in the same transaction.
/// </summary>
public sealed class SetRiskWeights(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public static async Task<RiskWeights> ReadAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default) =>
        RiskWeights.FromStored(await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.RiskWeights).FirstAsync(ct));

    /// <summary>The institution's indicator codes (they may be weighted like the built-in factors).</summary>
    public static async Task<List<string>> IndicatorCodesAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default) =>
        await db.RiskIndicators.AsNoTracking().Where(i => i.InstitutionId == institutionId).OrderBy(i => i.Code).Select(i => i.Code).ToListAsync(ct);

    /// <summary>Changes some weights by hand (<c>factor=weight</c> pairs, whole numbers from 0 to 100) into a points set.</summary>
    public async Task<RiskWeights> HandleAsync(int institutionId, string changes, CancellationToken ct = default)
    {
        var current = await ReadAsync(db, institutionId, ct);
        if (!RiskWeights.TryParse(changes, current, await IndicatorCodesAsync(db, institutionId, ct), out var weights, out var error))
        {
            throw new ValidationException(error);
        }
        await ApplyAsync(institutionId, weights, "manual", null, ct);
        return weights;
    }

    /// <summary>Makes an earlier set the current one again (kept as a new set, "restored").</summary>
    public async Task<RiskWeights> RestoreAsync(int institutionId, int setId, CancellationToken ct = default)
    {
        var set = await db.RiskWeightSets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == setId && s.InstitutionId == institutionId, ct)
            ?? throw new ValidationException($"there is no weight set {setId}; expected a set number from 'caseload risk weights --history'");
        var weights = RiskWeights.FromStored(set.Weights);
        await ApplyAsync(institutionId, weights, "restored", $"restored set {set.Id} ({set.Source}, {set.CreatedAt:yyyy-MM-dd HH:mm} UTC by {set.CreatedBy})", ct);
        return weights;
    }

    /// <summary>Recomputes every score (after an indicator's anchors changed).</summary>
    public async Task RecomputeAsync(int institutionId, CancellationToken ct = default)
    {
        await StudentSummaries.RecomputeAsync(db, institutionId, null, clock.Today(), clock.GetUtcNow().UtcDateTime, ct);
        await DataVersion.RaiseAsync(db, ct);
    }

    /// <summary>Every set the institution has had, newest first; the first is the current one.</summary>
    public async Task<List<RiskWeightSet>> HistoryAsync(int institutionId, CancellationToken ct = default) =>
        await db.RiskWeightSets.AsNoTracking().Where(s => s.InstitutionId == institutionId).OrderByDescending(s => s.Id).ToListAsync(ct);

    /// <summary>
    /// Saves <paramref name="weights"/> as the current set and in the history (the set it replaces is kept first when the
    /// history is empty, so that it can be restored), then recomputes every score — all in one transaction.
    /// </summary>
    public async Task ApplyAsync(int institutionId, RiskWeights weights, string source, string? summary, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var institution = await db.Institutions.FirstAsync(i => i.Id == institutionId, ct);
        if (!await db.RiskWeightSets.AnyAsync(s => s.InstitutionId == institutionId, ct))
        {
            db.RiskWeightSets.Add(new RiskWeightSet
            {
                InstitutionId = institutionId,
                CreatedAt = now,
                CreatedBy = actor.Name,
                Source = institution.RiskWeights is null ? "default" : "manual",
                Weights = RiskWeights.FromStored(institution.RiskWeights).ToString(),
                Summary = "the weights in use before the first change was kept",
            });
        }
        institution.RiskWeights = weights.ToString();
        db.RiskWeightSets.Add(new RiskWeightSet { InstitutionId = institutionId, CreatedAt = now, CreatedBy = actor.Name, Source = source, Weights = weights.ToString(), Summary = summary });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await StudentSummaries.RecomputeAsync(db, institutionId, null, clock.Today(), now, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
    }
}

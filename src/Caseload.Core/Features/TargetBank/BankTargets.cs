using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.TargetBank;

/// <summary>The team's bank of model targets for 1:1 action plans, by area (attendance, organisation, progress…).</summary>
public static class BankTargets
{
    /// <summary>The institution's model targets, by area.</summary>
    public static Task<List<BankTarget>> ForAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default) =>
        db.BankTargets.AsNoTracking().Where(b => b.InstitutionId == institutionId && b.Active).OrderBy(b => b.Area).ThenBy(b => b.Text).ToListAsync(ct);

    /// <summary>Adds a model target unless the bank already holds it (in any case of letters); not saved.</summary>
    /// <returns>False when it was already there.</returns>
    internal static async Task<bool> AddIfNewAsync(CaseloadDbContext db, int institutionId, string text, string area, DateTime now, string by, CancellationToken ct)
    {
        var lower = text.ToLowerInvariant();
        if (await db.BankTargets.AnyAsync(b => b.InstitutionId == institutionId && b.Active && b.Text.ToLower() == lower, ct))
        {
            return false;
        }
        db.BankTargets.Add(new BankTarget { InstitutionId = institutionId, Text = text, Area = area, CreatedAt = now, CreatedBy = by });
        return true;
    }
}

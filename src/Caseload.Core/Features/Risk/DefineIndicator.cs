using System.Text.RegularExpressions;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Risk;

/// <summary>
/// Defines (or redefines) one of the institution's own indicators: its code, the words staff read, and its two anchors —
/// no concern at one value, full concern at the other (the anchors give the direction). With a weight, the current
/// points set gives it that weight (a new weight set, every score recomputed); otherwise it weighs 0 until weighted by
/// hand or by <c>caseload risk fit</c>.
/// </summary>
public sealed partial class DefineIndicator(CaseloadDbContext db, TimeProvider clock, AuditActor actor, SetRiskWeights sets)
{
    public sealed record Request(int InstitutionId, string Code, string Name, decimal NoConcernAt, decimal FullConcernAt, int? Weight);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex CodePattern();

    /// <summary>How many indicators one institution may define.</summary>
    public const int MaxIndicators = 20;

    public async Task<RiskIndicator> HandleAsync(Request r, CancellationToken ct = default)
    {
        var code = r.Code.Trim().ToLowerInvariant();
        if (!CodePattern().IsMatch(code))
        {
            throw new ValidationException($"indicator code '{r.Code}' is not usable; expected lower-case letters, digits and hyphens, starting with a letter, at most {RiskIndicator.CodeLength} characters (e.g. units-passed)");
        }
        if (RiskWeights.Names.Contains(code) || code is "fitted" or "intercept")
        {
            throw new ValidationException($"indicator code '{code}' is a built-in factor's name; expected another code");
        }
        var name = r.Name.Trim();
        if (name.Length is 0 or > RiskIndicator.NameLength)
        {
            throw new ValidationException($"the indicator's name is {(name.Length == 0 ? "empty" : $"{name.Length} characters long")}; expected 1 to {RiskIndicator.NameLength} characters, the words staff read (e.g. units passed last term)");
        }
        if (r.NoConcernAt == r.FullConcernAt)
        {
            throw new ValidationException($"no concern and full concern are both at {r.NoConcernAt}; expected two different values (full concern below no concern means lower is worse)");
        }
        if (Math.Abs(r.NoConcernAt) > Imports.ImportIndicators.MaxValue || Math.Abs(r.FullConcernAt) > Imports.ImportIndicators.MaxValue)
        {
            throw new ValidationException($"an anchor is beyond ±{Imports.ImportIndicators.MaxValue:N0}; expected values an indicator can hold");
        }
        if (r.Weight is < 0 or > 100)
        {
            throw new ValidationException($"the weight is {r.Weight}; expected a whole number from 0 to 100");
        }
        if (r.Weight is not null && (await SetRiskWeights.ReadAsync(db, r.InstitutionId, ct)).IsFitted)
        {
            throw new ValidationException($"the current weights were fitted on outcomes, so a weight by hand does not fit among them; define '{code}' without --weight and run 'caseload risk fit' again to weigh it, or set points weights with 'caseload risk weights --set'");
        }
        var indicator = await db.RiskIndicators.FirstOrDefaultAsync(i => i.InstitutionId == r.InstitutionId && i.Code == code, ct);
        if (indicator is null)
        {
            if (await db.RiskIndicators.CountAsync(i => i.InstitutionId == r.InstitutionId, ct) >= MaxIndicators)
            {
                throw new ValidationException($"the institution already has {MaxIndicators} indicators; expected at most {MaxIndicators}");
            }
            indicator = db.RiskIndicators.Add(new RiskIndicator { InstitutionId = r.InstitutionId, Code = code, Name = name, UpdatedBy = actor.Name }).Entity;
        }
        indicator.Name = name;
        indicator.NoConcernAt = r.NoConcernAt;
        indicator.FullConcernAt = r.FullConcernAt;
        indicator.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        indicator.UpdatedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        if (r.Weight is { } weight)
        {
            await sets.HandleAsync(r.InstitutionId, $"{code}={weight}", ct);
        }
        else
        {
            await sets.RecomputeAsync(r.InstitutionId, ct);
        }
        return indicator;
    }

    /// <summary>The institution's indicators, by code.</summary>
    public Task<List<RiskIndicator>> ListAsync(int institutionId, CancellationToken ct = default) =>
        db.RiskIndicators.AsNoTracking().Where(i => i.InstitutionId == institutionId).OrderBy(i => i.Code).ToListAsync(ct);
}

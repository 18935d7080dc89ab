using Caseload.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Institutions;

/// <summary>
/// Teaches the enrolments import another name for a grade scale, as the institution's MIS writes it ("GCE A Level
/// (Linear)"). Names match ignoring case, spaces, hyphens and brackets; a name already meaning another scale is refused.
/// </summary>
public sealed class AddScaleAlias(CaseloadDbContext db)
{
    public const int MaxAliasesPerScale = 50;

    public async Task<string> HandleAsync(int institutionId, string code, string alias, CancellationToken ct = default)
    {
        alias = alias.Trim();
        var key = DefaultGradeScales.Key(alias);
        if (alias.Length > 100 || key.Length == 0)
        {
            throw new ValidationException($"the alias must have a letter or digit and at most 100 characters; got '{(alias.Length > 100 ? alias[..100] + "…" : alias)}'");
        }
        var scales = await db.GradeScales.Where(s => s.InstitutionId == institutionId).ToListAsync(ct);
        var scale = scales.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException($"there is no grade scale '{code}'; expected one of {string.Join(", ", scales.Select(s => s.Code).Order(StringComparer.Ordinal))}");
        foreach (var other in scales)
        {
            var names = new[] { other.Code, other.Name }.Concat(DefaultGradeScales.Aliases.GetValueOrDefault(other.Code) ?? []).Concat(other.Aliases);
            if (names.Any(n => DefaultGradeScales.Key(n) == key))
            {
                if (other.Id == scale.Id)
                {
                    return $"'{alias}' already means {scale.Code}";
                }
                throw new ValidationException($"'{alias}' already means {other.Code} ({other.Name}); expected a name no other scale has");
            }
        }
        if (scale.Aliases.Count >= MaxAliasesPerScale)
        {
            throw new ValidationException($"{scale.Code} already has {MaxAliasesPerScale} aliases, the most a scale may have");
        }
        scale.Aliases = [.. scale.Aliases, alias];
        await db.SaveChangesAsync(ct);
        return $"'{alias}' now means {scale.Code} ({scale.Name}) in the enrolments import";
    }
}

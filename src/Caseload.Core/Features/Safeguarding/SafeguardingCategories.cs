using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// What a safeguarding concern can be about: the institution's own list, edited by its safeguarding team, or — until it
/// saves one — the defaults (KCSIE 2025's kinds of abuse and the issues schools record).
/// </summary>
public sealed class SafeguardingCategories(CaseloadDbContext db)
{
    public static IReadOnlyList<string> Defaults { get; } =
    [
        "Neglect", "Physical abuse", "Emotional abuse", "Sexual abuse", "Child-on-child abuse", "Child criminal exploitation",
        "Child sexual exploitation", "County lines", "Domestic abuse", "Online safety", "Mental health", "Self-harm",
        "Radicalisation (Prevent)", "Female genital mutilation", "Child missing education", "Attendance",
    ];

    /// <summary>The institution's list in its order (the defaults when it has none).</summary>
    public async Task<IReadOnlyList<string>> ForAsync(int institutionId, CancellationToken ct = default)
    {
        var own = await db.SafeguardingCategories.AsNoTracking().Where(c => c.InstitutionId == institutionId).OrderBy(c => c.Position).Select(c => c.Name).ToListAsync(ct);
        return own.Count > 0 ? own : Defaults;
    }

    /// <summary>The safeguarding team replaces the list (one name a line). Concerns already recorded keep their names.</summary>
    /// <returns>False for anyone but the designated safeguarding lead (deputies read the list).</returns>
    public async Task<bool> SaveAsync(Viewer viewer, IReadOnlyList<string> names, CancellationToken ct = default)
    {
        if (!viewer.May(Operation.ManageSafeguardingAccess))
        {
            return false;
        }
        var list = names.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        if (list.Count == 0)
        {
            throw new ValidationException("give at least one category, one a line");
        }
        if (list.Count > Limits.SafeguardingCategoryList)
        {
            throw new ValidationException($"{list.Count} categories; expected at most {Limits.SafeguardingCategoryList}");
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Length > Limits.SafeguardingCategoryName)
            {
                throw new ValidationException($"line {i + 1} ('{FreeText.Short(list[i])}') is {list[i].Length} characters; expected at most {Limits.SafeguardingCategoryName}");
            }
            if (PlainText.FirstControlCharacter(list[i]) is { } at)
            {
                throw new ValidationException($"line {i + 1} has a control character at column {at + 1}; expected plain text");
            }
            if (list.Take(i).FirstOrDefault(n => string.Equals(n, list[i], StringComparison.OrdinalIgnoreCase)) is { } twice)
            {
                throw new ValidationException($"line {i + 1} ('{FreeText.Short(list[i])}') repeats '{FreeText.Short(twice)}'; expected each category once");
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SafeguardingCategories.Where(c => c.InstitutionId == viewer.InstitutionId).ExecuteDeleteAsync(ct);
        db.SafeguardingCategories.AddRange(list.Select((n, i) => new SafeguardingCategory { InstitutionId = viewer.InstitutionId, Position = i + 1, Name = n }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}

namespace Caseload.Core.Domain;

/// <summary>One of an institution's own safeguarding categories (decision 0014): until it saves a list of its own, the
/// defaults apply. A concern keeps the names it was given, so changing the list never rewrites history.</summary>
public sealed class SafeguardingCategory
{
    public int InstitutionId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
}

namespace Caseload.Core.Domain;

/// <summary>
/// A level of safeguarding access above reporting, given to one member of staff by the designated lead: deputy or
/// trusted, optionally limited to some categories and some year groups. Holding one requires two-factor sign-in.
/// </summary>
public sealed class SafeguardingAccessGrant : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StaffId { get; set; }
    public SafeguardingLevel Level { get; set; }
    /// <summary>The categories' names, one per line; null: every category.</summary>
    public string? Categories { get; set; }
    /// <summary>Year group ids, comma-separated; null: every year.</summary>
    public string? YearGroupIds { get; set; }
    public int GrantedByStaffId { get; set; }
    public DateTime GrantedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string>? CategoryList => CategoriesOf(Categories);

    public IReadOnlyList<int>? YearGroupList => YearGroupsOf(YearGroupIds);

    public static IReadOnlyList<string>? CategoriesOf(string? stored) => stored?.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<int>? YearGroupsOf(string? stored) => stored?.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

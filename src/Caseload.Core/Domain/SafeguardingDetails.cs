namespace Caseload.Core.Domain;

/// <summary>
/// What the reporter of a safeguarding concern records beside it (the concern itself is a restricted
/// <see cref="Referral"/>): when and where it happened, who was there, the child's own words, how the child seemed, and
/// the categories it falls under (the names as they were when reported).
/// </summary>
public sealed class SafeguardingDetails : IRestrictedRecord
{
    public long ReferralId { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public TimeOnly? OccurredAt { get; set; }
    public string? Place { get; set; }
    public string? Present { get; set; }
    public string? ChildsWords { get; set; }
    public string? Demeanour { get; set; }
    /// <summary>The categories' names, one per line.</summary>
    public required string Categories { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(Place), nameof(Present), nameof(ChildsWords), nameof(Demeanour), nameof(Categories)];

    public IReadOnlyList<string> CategoryList => Categories.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

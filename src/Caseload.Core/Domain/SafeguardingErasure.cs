namespace Caseload.Core.Domain;

/// <summary>
/// The stub left when a child's safeguarding record passed the retention rule and its content was erased: who, when,
/// and under which rule. The records' dates stay; their words, marks and shares are gone.
/// </summary>
public sealed class SafeguardingErasure : IRestrictedRecord
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public DateOnly ErasedOn { get; set; }
    public int ByStaffId { get; set; }
    /// <summary>The rule: date of birth plus this many years.</summary>
    public int Years { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [];
}

namespace Caseload.Core.Domain;

/// <summary>
/// Another child involved in a concern recorded for one child. The concern appears in the other child's chronology
/// (for those who may read it), without the children's names or the words until the safeguarding team links it.
/// </summary>
public sealed class SafeguardingInvolvement : IRestrictedRecord
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public long ReferralId { get; set; }
    public int StudentId { get; set; }
    public int? LinkedByStaffId { get; set; }
    public DateTime? LinkedAt { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [];
}

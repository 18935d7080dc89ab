namespace Caseload.Core.Domain;

/// <summary>A concern the safeguarding team has shared with a trusted member of staff, who may then read it in full.</summary>
public sealed class SafeguardingShare : IRestrictedRecord
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public long ReferralId { get; set; }
    public int StaffId { get; set; }
    public int SharedByStaffId { get; set; }
    public DateTime SharedAt { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [];
}

namespace Caseload.Core.Domain;

/// <summary>
/// A senior leader's emergency access to one child's safeguarding record ("break-glass"), with the written reason: it
/// opens the chronology to them for <c>Limits.BreakGlassMinutes</c>, is audited, and waits in the safeguarding team's
/// inbox until one of them has seen it.
/// </summary>
public sealed class SafeguardingBreakGlass : IRestrictedRecord
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public int StaffId { get; set; }
    public required string Reason { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime Until { get; set; }
    public DateTime? SeenAt { get; set; }
    public int? SeenByStaffId { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(Reason)];
}

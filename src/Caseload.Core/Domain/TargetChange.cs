namespace Caseload.Core.Domain;

/// <summary>One change of an enrolment's minimum expected or aspirational target, kept for its history.</summary>
public sealed class TargetChange
{
    public long Id { get; set; }
    public int EnrolmentId { get; set; }
    public TargetKind Kind { get; set; }
    public string? Previous { get; set; }
    public string? New { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public required string Reason { get; set; }
}

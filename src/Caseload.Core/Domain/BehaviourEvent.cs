namespace Caseload.Core.Domain;

public sealed class BehaviourEvent
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    /// <summary>The MIS's event id, or a fingerprint of the row when the MIS gives none: what makes re-imports idempotent.</summary>
    public required string ExternalKey { get; set; }
    public DateOnly Date { get; set; }
    public BehaviourType Type { get; set; }
    public required string Category { get; set; }
    public int Points { get; set; }
    public string? Description { get; set; }
    public int? StaffId { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

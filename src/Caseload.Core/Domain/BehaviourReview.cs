namespace Caseload.Core.Domain;

/// <summary>A behaviour event reviewed on the progress leader's daily log.</summary>
public sealed class BehaviourReview
{
    public long BehaviourEventId { get; set; }
    public DateTime ReviewedAt { get; set; }
    public int ReviewedByStaffId { get; set; }
    public string? Note { get; set; }
}

namespace Caseload.Core.Domain;

/// <summary>One target of a student's action plan: set at a 1:1, carried into the next until reviewed.</summary>
public sealed class PlanTarget : IVersioned
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    public long SetInMeetingId { get; set; }
    public long? ReviewedInMeetingId { get; set; }
    public required string Text { get; set; }
    public TargetOwner Owner { get; set; }
    /// <summary>Who, when the owner is "other" (a parent, a subject teacher, learning support).</summary>
    public string? OwnerName { get; set; }
    public DateOnly Due { get; set; }
    public PlanTargetStatus Status { get; set; }
    public string? ReviewNote { get; set; }
    public int Version { get; set; }
}

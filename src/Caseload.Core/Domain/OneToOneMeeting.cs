namespace Caseload.Core.Domain;

/// <summary>A 1:1 review meeting between a tutor and a student.</summary>
public sealed class OneToOneMeeting : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public int StaffId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Notes { get; set; }
    /// <summary>The student's view, in their words.</summary>
    public string? StudentView { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeletedReason { get; set; }
}

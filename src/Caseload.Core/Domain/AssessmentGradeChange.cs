namespace Caseload.Core.Domain;

/// <summary>The previous value of a changed grade. Written by a trigger.</summary>
public sealed class AssessmentGradeChange
{
    public long Id { get; set; }
    public long AssessmentGradeId { get; set; }
    public required string PreviousGrade { get; set; }
    public DateTime PreviousRecordedAt { get; set; }
    public required string PreviousRecordedBy { get; set; }
    public required string NewGrade { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
}

namespace Caseload.Core.Domain;

public sealed class AssessmentGrade
{
    public long Id { get; set; }
    public int EnrolmentId { get; set; }
    public int DataPointId { get; set; }
    public required string Grade { get; set; }
    /// <summary>Effort / attitude to learning, 1 (excellent) to 4 (poor), when the teacher gives one.</summary>
    public int? Effort { get; set; }
    public string? Comment { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

namespace Caseload.Core.Domain;

/// <summary>A subject teacher's contribution to a reference: a paragraph about the student in their subject and the
/// predicted grade. Only the teacher, the tutor and the senior tutor read it (decision 0021).</summary>
public sealed class Contribution : IVersioned
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public int EnrolmentId { get; set; }
    public int TeacherStaffId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime RequestedAt { get; set; }
    public string? Text { get; set; }
    public string? PredictedGrade { get; set; }
    /// <summary>Who gave the predicted grade: the teacher, or the tutor when the teacher has not replied.</summary>
    public int? PredictedByStaffId { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The budget a teacher writes to: the tutor edits the paragraphs into section 3.</summary>
    public const int TextLength = 1000;
}

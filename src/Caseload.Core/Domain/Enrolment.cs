namespace Caseload.Core.Domain;

public sealed class Enrolment
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public int CourseId { get; set; }
    public int? TeacherStaffId { get; set; }
    /// <summary>The class the student is taught in ("12A/Bi1"); none means the course is taught as one group.</summary>
    public string? TeachingGroup { get; set; }

    public const int TeachingGroupLength = 32;
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>The minimum expected grade: from the target table and the student's prior attainment, or imported.</summary>
    public string? TargetGrade { get; set; }
    /// <summary>The aspirational target a tutor agrees with the student (at or above the minimum, by choice).</summary>
    public string? AspirationalGrade { get; set; }
    /// <summary>Active, or how the student left the course (<see cref="EndDate"/> is then the last day on it).</summary>
    public EnrolmentStatus Status { get; set; }
    /// <summary>The ILR withdrawal reason code of an ended enrolment, and the institution's words for it (kept as they were).</summary>
    public int? EndReasonCode { get; set; }
    public string? EndReason { get; set; }
    public Course? Course { get; set; }
    public Student? Student { get; set; }
}

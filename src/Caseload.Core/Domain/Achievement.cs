namespace Caseload.Core.Domain;

public sealed class GradeScale
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Grade> Grades { get; set; } = [];
}

/// <summary>A grade on a scale. <see cref="Rank"/> orders the scale (higher is better) so grades compare.</summary>
public sealed class Grade
{
    public int Id { get; set; }
    public int GradeScaleId { get; set; }
    public required string Code { get; set; }
    public int Rank { get; set; }
    /// <summary>DfE performance points, where the scale has them.</summary>
    public decimal? Points { get; set; }
    /// <summary>UCAS tariff points, where the scale has them.</summary>
    public int? Tariff { get; set; }
}

public sealed class Course
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Qualification { get; set; }
    public int GradeScaleId { get; set; }
    public GradeScale? GradeScale { get; set; }
}

public sealed class Enrolment
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public int CourseId { get; set; }
    public int? TeacherStaffId { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>The minimum expected grade: from the target table and the student's prior attainment, or imported.</summary>
    public string? TargetGrade { get; set; }
    /// <summary>The aspirational target a tutor agrees with the student (at or above the minimum, by choice).</summary>
    public string? AspirationalGrade { get; set; }
    public Course? Course { get; set; }
    public Student? Student { get; set; }
}

/// <summary>A data drop: a date on which subject staff enter a grade for each enrolment.</summary>
public sealed class DataPoint
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Name { get; set; }
    public DateOnly Date { get; set; }
    public bool IsOpen { get; set; } = true;
    /// <summary>The courses this data point asks grades for; none listed means every course (as imports create them).</summary>
    public List<DataPointCourse> Courses { get; set; } = [];
}

public sealed class DataPointCourse
{
    public int DataPointId { get; set; }
    public int CourseId { get; set; }
}

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

public enum TargetKind
{
    Minimum = 0,
    Aspirational = 1,
}

/// <summary>
/// A row of an institution's target table: students whose prior attainment (average GCSE score) is in
/// [<see cref="From"/>, <see cref="To"/>) get <see cref="Grade"/> as the minimum expected grade on courses graded on
/// <see cref="Scale"/>. The top band of a scale also includes its <see cref="To"/>.
/// </summary>
public sealed class TargetBand
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Scale { get; set; }
    public decimal From { get; set; }
    public decimal To { get; set; }
    public required string Grade { get; set; }
}

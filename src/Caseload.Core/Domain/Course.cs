namespace Caseload.Core.Domain;

public sealed class Course
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Qualification { get; set; }
    public int GradeScaleId { get; set; }
    /// <summary>Planned hours a year (the funding band counts them); from the enrolments import's <c>planned_hours</c>.</summary>
    public int? PlannedHours { get; set; }
    /// <summary>"maths" or "english" when the course is how students without a grade 4 meet the condition of funding.</summary>
    public string? ConditionSubject { get; set; }

    public const int MaxPlannedHours = 2000;
    public GradeScale? GradeScale { get; set; }
}

namespace Caseload.Core.Domain;

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

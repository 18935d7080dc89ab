namespace Caseload.Core.Domain;

public sealed class DataPointCourse
{
    public int DataPointId { get; set; }
    public int CourseId { get; set; }
}

namespace Caseload.Core.Domain;

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

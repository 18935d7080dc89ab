namespace Caseload.Core.Domain;

public sealed class GradeScale
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Grade> Grades { get; set; } = [];
    /// <summary>Other names the institution's MIS gives the scale (<c>caseload scales alias</c>), matched like the code.</summary>
    public List<string> Aliases { get; set; } = [];
}

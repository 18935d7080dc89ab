namespace Caseload.Core.Domain;

public sealed class Term
{
    public int Id { get; set; }
    public int AcademicYearId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}

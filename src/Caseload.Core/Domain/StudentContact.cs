namespace Caseload.Core.Domain;

public sealed class StudentContact
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public required string Name { get; set; }
    public required string Relationship { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int Priority { get; set; }
    public bool ParentalResponsibility { get; set; }
}

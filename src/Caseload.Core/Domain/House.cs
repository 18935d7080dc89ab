namespace Caseload.Core.Domain;

public sealed class House
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int? HeadStaffId { get; set; }
}

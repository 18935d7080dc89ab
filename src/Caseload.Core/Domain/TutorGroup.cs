namespace Caseload.Core.Domain;

public sealed class TutorGroup
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public int YearGroupId { get; set; }
    public int? TutorStaffId { get; set; }
    public YearGroup? YearGroup { get; set; }
    public Staff? Tutor { get; set; }
}

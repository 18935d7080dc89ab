namespace Caseload.Core.Domain;

public sealed class StaffRole
{
    public int StaffId { get; set; }
    public required string Role { get; set; }
}

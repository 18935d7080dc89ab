namespace Caseload.Core.Domain;

public sealed class YearGroup
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>The Progress Leader (Head of Year) who owns the year group.</summary>
    public int? ProgressLeaderStaffId { get; set; }
}

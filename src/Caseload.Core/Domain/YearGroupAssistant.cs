namespace Caseload.Core.Domain;

/// <summary>An assistant progress leader (assistant head of year): sees the year group's students like its leader.</summary>
public sealed class YearGroupAssistant
{
    public int YearGroupId { get; set; }
    public int StaffId { get; set; }
}

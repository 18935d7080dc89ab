namespace Caseload.Core.Domain;

/// <summary>
/// A student on a tutor's caseload individually, outside their tutor group (FE colleges assign this way).
/// A tutor's caseload is the students of the tutor groups they run plus these rows.
/// </summary>
public sealed class CaseloadMember
{
    public int StaffId { get; set; }
    public int StudentId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

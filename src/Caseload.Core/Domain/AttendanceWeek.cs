namespace Caseload.Core.Domain;

/// <summary>
/// Exact per-student, per-week (Monday) totals of the marks, maintained by every import and correction
/// so that pages never aggregate a year of raw marks per request.
/// </summary>
public sealed class AttendanceWeek
{
    public int StudentId { get; set; }
    public DateOnly WeekStart { get; set; }
    public int Possible { get; set; }
    public int Present { get; set; }
    public int ApprovedActivity { get; set; }
    public int AuthorisedAbsence { get; set; }
    public int UnauthorisedAbsence { get; set; }
    public int NotPossible { get; set; }
    /// <summary>Late marks of either kind (<c>L</c> and <c>U</c>).</summary>
    public int Lates { get; set; }
    /// <summary>Late after the register closed (<c>U</c>): counted as unauthorised absence too.</summary>
    public int LatesAfterClose { get; set; }
    public int MinutesLate { get; set; }
    public int Unclassified { get; set; }

    public int Attended => Present + ApprovedActivity;
}

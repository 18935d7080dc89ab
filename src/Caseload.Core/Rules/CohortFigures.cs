namespace Caseload.Core.Rules;

/// <summary>One student's figures as a cohort counts them.</summary>
public sealed record CohortMember(AttendanceFigures Year, int SubjectsGraded, int SubjectsBelow, int RiskScore);

/// <summary>
/// A group of students' figures: attendance is the group's attended sessions over its possible sessions (not an average
/// of percentages); persistent and severe absence count students by the rules in <see cref="AttendanceFigures"/>; on
/// target is the share of graded subjects (latest grade with a minimum expected grade) at or above target.
/// </summary>
public sealed record CohortFigures(int Students, AttendanceFigures Attendance, int Persistent, int Severe, int SubjectsGraded, int SubjectsBelow, decimal? AverageRisk, int HighRisk, bool Withheld = false)
{
    /// <summary>
    /// A group too small to show (<see cref="SmallGroups"/>): no count and no figure, so no child can be picked out.
    /// </summary>
    public static CohortFigures WithheldFigures { get; } = new(0, AttendanceFigures.Empty, 0, 0, 0, 0, null, 0, Withheld: true);

    /// <summary>Scores from this up count as high risk in the cohort figures.</summary>
    public const int HighRiskFrom = 40;

    public static CohortFigures Of(IReadOnlyCollection<CohortMember> members)
    {
        var withSessions = members.Where(m => m.Year.Possible > 0).ToList();
        return new CohortFigures(
            members.Count,
            AttendanceFigures.Sum(members.Select(m => m.Year)),
            withSessions.Count(m => m.Year.PersistentAbsence),
            withSessions.Count(m => m.Year.SevereAbsence),
            members.Sum(m => m.SubjectsGraded),
            members.Sum(m => m.SubjectsBelow),
            members.Count == 0 ? null : Math.Round((decimal)members.Sum(m => m.RiskScore) / members.Count, 1, MidpointRounding.AwayFromZero),
            members.Count(m => m.RiskScore >= HighRiskFrom));
    }

    public decimal? AttendancePercent => Attendance.AttendancePercent;
    public decimal? PersistentPercent => Percent(Persistent, Students);
    public decimal? SeverePercent => Percent(Severe, Students);
    public decimal? OnTargetPercent => Percent(SubjectsGraded - SubjectsBelow, SubjectsGraded);

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>This group minus another, in percentage points; null when either has no figure.</summary>
    public static decimal? Gap(decimal? group, decimal? others) => group is { } g && others is { } o ? g - o : null;
}

namespace Caseload.Core.Rules;

/// <summary>
/// When a student's next 1:1 review is due: six weeks after the last one (two weeks for a prioritised student), counting
/// from the start of the academic year for a student not yet seen. A student is prioritised by their tutor or by the
/// rules: an early-warning score at or above <see cref="CohortFigures.HighRiskFrom"/>.
/// </summary>
public static class OneToOneSchedule
{
    public const int EveryWeeks = 6;
    public const int PrioritisedEveryWeeks = 2;

    public enum State
    {
        Overdue,
        DueThisWeek,
        Later,
    }

    public static bool PrioritisedByRules(int? riskScore) => riskScore >= CohortFigures.HighRiskFrom;

    public static DateOnly NextDue(DateOnly? lastHeld, DateOnly yearStart, bool prioritised) =>
        (lastHeld is { } last && last >= yearStart ? last : yearStart).AddDays(7 * (prioritised ? PrioritisedEveryWeeks : EveryWeeks));

    public static State StateOf(DateOnly due, DateOnly today) =>
        due < today ? State.Overdue : due <= today.AddDays(7) ? State.DueThisWeek : State.Later;
}

/// <summary>
/// The 48-hour rule: after a serious behaviour incident (a negative event of <see cref="SeriousFromPoints"/> points or
/// worse, or any bullying or racist incident) the student's parents or carers are contacted by the end of the second day
/// after it. The first contact recorded on or after the incident's day decides: on time, late, or — with none — due
/// until the deadline and missed after it.
/// </summary>
public static class ParentContactRule
{
    public const int SeriousFromPoints = -3;
    public const int Days = 2;

    public enum State
    {
        Due,
        OnTime,
        Late,
        Missed,
    }

    public static bool IsSerious(bool negative, int points, string category) =>
        negative && (points <= SeriousFromPoints
            || category.Contains("bully", StringComparison.OrdinalIgnoreCase)
            || category.Contains("racis", StringComparison.OrdinalIgnoreCase));

    public static DateOnly Deadline(DateOnly incident) => incident.AddDays(Days);

    public static State StateOf(DateOnly incident, DateOnly? firstContactOnOrAfter, DateOnly today) =>
        firstContactOnOrAfter is { } made ? (made <= Deadline(incident) ? State.OnTime : State.Late)
        : today <= Deadline(incident) ? State.Due : State.Missed;
}

/// <summary>
/// When the rules suggest a case (never open one): attendance under <see cref="AttendanceBelowPercent"/>% in each of the
/// last <see cref="AttendanceWeeks"/> complete weeks, or an early-warning score of <see cref="CohortFigures.HighRiskFrom"/>
/// or more — and no open case for the student already. Shown in the tutor's inbox with the reason.
/// </summary>
public static class CaseSuggestions
{
    public const decimal AttendanceBelowPercent = 90m;
    public const int AttendanceWeeks = 3;

    /// <summary>The reason to suggest an attendance case, or null: every one of the weeks (oldest first) has sessions and is under the line.</summary>
    public static string? Attendance(IReadOnlyList<decimal?> lastWeeks) =>
        lastWeeks.Count == AttendanceWeeks && lastWeeks.All(p => p < AttendanceBelowPercent)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"attendance under {AttendanceBelowPercent:0}% for {AttendanceWeeks} weeks running ({string.Join(", ", lastWeeks.Select(p => $"{p:0.#}%"))})")
            : null;
}

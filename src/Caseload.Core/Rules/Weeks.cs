namespace Caseload.Core.Rules;

/// <summary>Weeks as the registers sum them: Monday to Sunday.</summary>
public static class Weeks
{
    /// <summary>The Monday that starts the week containing <paramref name="date"/>.</summary>
    public static DateOnly StartOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// The first weekly summary that belongs to a period beginning on <paramref name="periodStart"/>: the week containing
    /// it. A year or term that begins on a Tuesday keeps its first week's marks (the days before the start in that week
    /// are the holiday before it).
    /// </summary>
    public static DateOnly FirstOf(DateOnly periodStart) => periodStart == DateOnly.MinValue ? periodStart : StartOf(periodStart);
}

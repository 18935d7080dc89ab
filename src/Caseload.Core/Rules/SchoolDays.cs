namespace Caseload.Core.Rules;

/// <summary>
/// Counting school days, and the rule that a mark still <c>N</c> (no reason yet) after 5 school days is a task for the
/// student's tutor. School days are Monday to Friday; holidays are not known yet (a term calendar with holidays would
/// refine this), so over a holiday a mark becomes a task a little early rather than late.
/// </summary>
public static class SchoolDays
{
    /// <summary>The code for "reason for absence not yet provided".</summary>
    public const string NoReasonYet = "N";

    /// <summary>How many school days a mark may stay <c>N</c>.</summary>
    public const int ReasonDue = 5;

    /// <summary>The school day before <paramref name="date"/>: on a Monday, the Friday before.</summary>
    public static DateOnly Previous(DateOnly date)
    {
        var d = date.AddDays(-1);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            d = d.AddDays(-1);
        }
        return d;
    }

    public static DateOnly Add(DateOnly date, int schoolDays)
    {
        var d = date;
        for (var added = 0; added < schoolDays;)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }
        return d;
    }

    /// <summary>True when a mark made on <paramref name="markDate"/> and still <c>N</c> today is overdue.</summary>
    public static bool ReasonOverdue(DateOnly markDate, DateOnly today) => today > Add(markDate, ReasonDue);

    /// <summary>The latest school day whose marks are overdue today: every <c>N</c> on or before it is a task.</summary>
    public static DateOnly OverdueOnOrBefore(DateOnly today)
    {
        var d = today.AddDays(-1);
        while (!ReasonOverdue(d, today) || d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            d = d.AddDays(-1);
        }
        return d;
    }
}

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

    /// <summary>
    /// The day <paramref name="schoolDays"/> school days after <paramref name="date"/>, counting only weekdays within the
    /// institution's terms and outside its closures — so a child who leaves at the end of the summer term has a deadline in
    /// the first days of the autumn term (KCSIE's "within the first 5 days of a new term"). Without a calendar that
    /// reaches past <paramref name="date"/>, every weekday counts.
    /// </summary>
    public static DateOnly AddOpen(DateOnly date, int schoolDays, IReadOnlyList<(DateOnly From, DateOnly To)> terms, IReadOnlyList<(DateOnly From, DateOnly To)> closures)
    {
        if (!terms.Any(t => t.To > date))
        {
            return Add(date, schoolDays);
        }
        var d = date;
        for (var added = 0; added < schoolDays;)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || !terms.Any(t => t.From <= d && d <= t.To) || closures.Any(c => c.From <= d && d <= c.To))
            {
                if (!terms.Any(t => t.To >= d))
                {
                    return Add(d.AddDays(-1), schoolDays - added); // the calendar ran out: count weekdays from here on
                }
                continue;
            }
            added++;
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

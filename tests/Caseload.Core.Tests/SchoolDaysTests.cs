using Caseload.Core.Rules;

namespace Caseload.Core.Tests;

public sealed class SchoolDaysTests
{
    [Theory]
    // An N on Monday 2 Nov 2026: five school days later is Monday 9 Nov; it is a task from Tuesday 10 Nov.
    [InlineData("2026-11-02", "2026-11-09", false)]
    [InlineData("2026-11-02", "2026-11-10", true)]
    // An N on Thursday 5 Nov: Fri 6, Mon 9, Tue 10, Wed 11, Thu 12 -> a task from Friday 13 Nov.
    [InlineData("2026-11-05", "2026-11-12", false)]
    [InlineData("2026-11-05", "2026-11-13", true)]
    // An N on a Friday: the weekend does not count.
    [InlineData("2026-11-06", "2026-11-13", false)]
    [InlineData("2026-11-06", "2026-11-16", true)]
    public void A_mark_still_N_after_five_school_days_is_overdue(string mark, string today, bool overdue) =>
        Assert.Equal(overdue, SchoolDays.ReasonOverdue(DateOnly.Parse(mark, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_cut_off_date_is_the_latest_overdue_mark_date()
    {
        // Today Tuesday 10 Nov 2026: marks on or before Monday 2 Nov are overdue; Tuesday 3 Nov's is not yet.
        Assert.Equal(new DateOnly(2026, 11, 2), SchoolDays.OverdueOnOrBefore(new DateOnly(2026, 11, 10)));
        // Today Monday 16 Nov: Friday 6 Nov (Fri->Mon 9, 10, 11, 12, 13) is due on the 13th, overdue on the 16th.
        Assert.Equal(new DateOnly(2026, 11, 6), SchoolDays.OverdueOnOrBefore(new DateOnly(2026, 11, 16)));
        Assert.Equal(new DateOnly(2026, 11, 9), SchoolDays.Add(new DateOnly(2026, 11, 2), 5));
    }

    // The sample calendar: autumn term 1 Sep–18 Dec 2026 (half term 26–30 Oct), spring 4 Jan–26 Mar 2027 (INSET on 4 Jan).
    private static readonly (DateOnly, DateOnly)[] Terms = [(new(2026, 9, 1), new(2026, 12, 18)), (new(2027, 1, 4), new(2027, 3, 26))];
    private static readonly (DateOnly, DateOnly)[] Closures = [(new(2026, 10, 26), new(2026, 10, 30)), (new(2027, 1, 4), new(2027, 1, 4))];

    [Theory]
    // Left Wednesday 2 Dec: Thu 3, Fri 4, Mon 7, Tue 8, Wed 9.
    [InlineData("2026-12-02", "2026-12-09")]
    // Left Friday 23 Oct, before half term: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6 November.
    [InlineData("2026-10-23", "2026-11-06")]
    // Left Wednesday 16 Dec, two days before the holiday: Thu 17, Fri 18, then the new term after its INSET day: Tue 5, Wed 6, Thu 7 Jan.
    [InlineData("2026-12-16", "2027-01-07")]
    // Left in the holiday (Monday 21 Dec): the first 5 days of the new term, Tue 5 to Mon 11 January.
    [InlineData("2026-12-21", "2027-01-11")]
    // Past the calendar (Friday 26 Mar 2027, the last day it holds): every weekday counts, Mon 29 Mar to Fri 2 Apr.
    [InlineData("2027-03-26", "2027-04-02")]
    // Running off the calendar part-way (left Wednesday 24 Mar 2027): Thu 25, Fri 26 in term, then Mon 29, Tue 30, Wed 31.
    [InlineData("2027-03-24", "2027-03-31")]
    public void A_child_protection_file_is_due_five_school_days_after_leaving_counting_only_term_days(string left, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            SchoolDays.AddOpen(DateOnly.Parse(left, System.Globalization.CultureInfo.InvariantCulture), 5, Terms, Closures));

    [Fact]
    public void Without_a_calendar_every_weekday_counts() =>
        Assert.Equal(new DateOnly(2026, 11, 27), SchoolDays.AddOpen(new DateOnly(2026, 11, 20), 5, [], []));
}

public sealed class NightlyScheduleTests
{
    [Theory]
    // The job at 02:00: at 01:00 it is an hour away; at 02:00 exactly, tomorrow's (24 hours); at 23:30, 2½ hours.
    [InlineData("2026-12-03T01:00:00", "02:00", 60)]
    [InlineData("2026-12-03T02:00:00", "02:00", 1440)]
    [InlineData("2026-12-03T23:30:00", "02:00", 150)]
    [InlineData("2026-12-31T22:15:00", "22:30", 15)]
    public void The_nightly_job_runs_next_at_its_time_on_the_school_clock(string now, string at, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), global::Caseload.Core.Features.Analytics.BringSummariesUpToDate.UntilNext(
            DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
}

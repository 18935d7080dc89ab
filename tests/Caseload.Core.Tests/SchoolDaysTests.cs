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
}

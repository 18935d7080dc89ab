using Caseload.Core.Rules;

namespace Caseload.Core.Tests;

/// <summary>The 1:1 schedule and the 48-hour rule, with dates worked by hand.</summary>
public sealed class CaseworkRulesTests
{
    private static readonly DateOnly YearStart = new(2026, 9, 1);

    [Fact]
    public void A_first_one_to_one_is_due_six_weeks_into_the_year_and_each_next_six_weeks_after_the_last()
    {
        // 1 Sep + 42 days = 13 Oct; 2 Oct + 42 = 13 Nov; prioritised: 2 Oct + 14 = 16 Oct.
        Assert.Equal(new DateOnly(2026, 10, 13), OneToOneSchedule.NextDue(null, YearStart, prioritised: false));
        Assert.Equal(new DateOnly(2026, 11, 13), OneToOneSchedule.NextDue(new DateOnly(2026, 10, 2), YearStart, prioritised: false));
        Assert.Equal(new DateOnly(2026, 10, 16), OneToOneSchedule.NextDue(new DateOnly(2026, 10, 2), YearStart, prioritised: true));
        // A meeting from last year does not count: the schedule restarts with the year.
        Assert.Equal(new DateOnly(2026, 10, 13), OneToOneSchedule.NextDue(new DateOnly(2026, 7, 10), YearStart, prioritised: false));
    }

    [Theory]
    [InlineData("2026-11-22", OneToOneSchedule.State.Overdue)] // yesterday
    [InlineData("2026-11-23", OneToOneSchedule.State.DueThisWeek)] // today is not overdue yet
    [InlineData("2026-11-30", OneToOneSchedule.State.DueThisWeek)] // a week today
    [InlineData("2026-12-01", OneToOneSchedule.State.Later)]
    public void Due_dates_are_overdue_due_this_week_or_later(string due, OneToOneSchedule.State expected) =>
        Assert.Equal(expected, OneToOneSchedule.StateOf(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 23)));

    [Fact]
    public void The_rules_prioritise_a_student_from_the_high_risk_score()
    {
        Assert.False(OneToOneSchedule.PrioritisedByRules(null));
        Assert.False(OneToOneSchedule.PrioritisedByRules(39));
        Assert.True(OneToOneSchedule.PrioritisedByRules(40));
    }

    [Theory]
    [InlineData(true, -3, "Defiance", true)]
    [InlineData(true, -2, "Disruption", false)]
    [InlineData(true, -1, "Bullying", true)] // bullying and racist incidents always, whatever their points
    [InlineData(true, -1, "Racist incident", true)]
    [InlineData(false, 3, "Bullying prevention ambassador", false)] // positive events never
    public void Serious_incidents_are_three_points_or_worse_or_bullying_or_racist(bool negative, int points, string category, bool serious) =>
        Assert.Equal(serious, ParentContactRule.IsSerious(negative, points, category));

    [Fact]
    public void Parents_are_contacted_by_the_end_of_the_second_day_after_a_serious_incident()
    {
        var incident = new DateOnly(2026, 11, 19); // Thursday; deadline Saturday 21 Nov
        Assert.Equal(new DateOnly(2026, 11, 21), ParentContactRule.Deadline(incident));
        Assert.Equal(ParentContactRule.State.OnTime, ParentContactRule.StateOf(incident, new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 23)));
        Assert.Equal(ParentContactRule.State.OnTime, ParentContactRule.StateOf(incident, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 23)));
        Assert.Equal(ParentContactRule.State.Late, ParentContactRule.StateOf(incident, new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 23)));
        Assert.Equal(ParentContactRule.State.Due, ParentContactRule.StateOf(incident, null, new DateOnly(2026, 11, 21)));
        Assert.Equal(ParentContactRule.State.Missed, ParentContactRule.StateOf(incident, null, new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void A_case_is_suggested_after_three_weeks_running_under_ninety_percent()
    {
        Assert.Equal("attendance under 90% for 3 weeks running (88%, 85.5%, 89.9%)", CaseSuggestions.Attendance([88m, 85.5m, 89.9m]));
        Assert.Null(CaseSuggestions.Attendance([88m, 90m, 80m])); // exactly 90% is not under
        Assert.Null(CaseSuggestions.Attendance([80m, 80m])); // two weeks are not three
        Assert.Null(CaseSuggestions.Attendance([80m, null, 80m])); // a week without sessions breaks the run
    }
}

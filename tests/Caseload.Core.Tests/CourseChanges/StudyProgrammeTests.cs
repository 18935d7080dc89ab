using Caseload.Core.Rules;

namespace Caseload.Core.Tests.CourseChanges;

/// <summary>The funding facts a course change is judged against, with dates and hours worked by hand.</summary>
public sealed class StudyProgrammeTests
{
    private static StudyProgramme.Course Course(int id, string name, int? hours, DateOnly start, string? condition = null) =>
        new(id, name.ToUpperInvariant()[..3], name, hours, start, condition);

    [Fact]
    public void Day_42_counts_calendar_days_from_the_start_holidays_included()
    {
        // Tue 1 Sep 2026 + 41 days: 29 more in September (to 30 Sep) and 12 in October → Mon 12 Oct.
        Assert.Equal(new DateOnly(2026, 10, 12), StudyProgramme.DayFortyTwo(new DateOnly(2026, 9, 1)));
        // Mon 19 Oct 2026, a week before the half-term holiday (26–30 Oct): the holiday does not stop the count.
        // 12 more days in October (to 31 Oct) and 29 in November → Sun 29 Nov.
        Assert.Equal(new DateOnly(2026, 11, 29), StudyProgramme.DayFortyTwo(new DateOnly(2026, 10, 19)));
        // Across the new year and a leap day: Mon 26 Jan 2028 + 41 → 5 more in January, 29 in February, 7 in March → Tue 7 Mar.
        Assert.Equal(new DateOnly(2028, 3, 7), StudyProgramme.DayFortyTwo(new DateOnly(2028, 1, 26)));
        // The last day on a course counts: day 41 does not qualify, day 42 does.
        var start = new DateOnly(2026, 10, 19);
        Assert.Equal(41, StudyProgramme.DayOf(start, new DateOnly(2026, 11, 28)));
        Assert.False(StudyProgramme.Counts(start, new DateOnly(2026, 11, 28)));
        Assert.True(StudyProgramme.Counts(start, new DateOnly(2026, 11, 29)));
    }

    [Theory]
    [InlineData(540, "Band 5 (full time, 540+ hours)")]
    [InlineData(539, "Band 4 (450–539 hours)")]
    [InlineData(450, "Band 4 (450–539 hours)")]
    [InlineData(449, "Band 3 (360–449 hours)")]
    [InlineData(360, "Band 3 (360–449 hours)")]
    [InlineData(359, "Band 2 (280–359 hours)")]
    [InlineData(280, "Band 2 (280–359 hours)")]
    [InlineData(279, "Band 1 (under 280 hours)")]
    [InlineData(0, "No funded hours")]
    public void Planned_hours_set_the_band(int hours, string band) => Assert.Equal(band, StudyProgramme.Band(hours));

    [Fact]
    public void A_course_dropped_before_its_day_42_loses_its_hours_and_one_dropped_after_keeps_them()
    {
        var start = new DateOnly(2026, 9, 7); // day 42 = 18 Oct 2026
        List<StudyProgramme.Course> programme = [Course(1, "Biology", 180, start), Course(2, "Chemistry", 180, start), Course(3, "Psychology", 180, start)];

        // Day 20 (26 Sep): Psychology's 180 hours go; 360 planned and funded — band 3.
        var early = StudyProgramme.Of(programme, [3], null, new DateOnly(2026, 9, 26), wholeWithdrawal: false);
        Assert.Equal((540, 360, 360, "Band 5 (full time, 540+ hours)", "Band 3 (360–449 hours)"), (early.PlannedBefore, early.PlannedAfter, early.FundedAfter, early.BandBefore, early.BandAfter));
        Assert.Contains("Psychology: day 20, before day 42 (18 Oct 2026), so all its 180 planned hours are removed.", early.Warnings);
        Assert.Contains("The programme drops below full time: 360 planned hours from the change.", early.Warnings);
        Assert.False(early.ProgrammeCounts);

        // Day 42 itself (18 Oct): the hours stay funded this year though 360 are planned from the change.
        var later = StudyProgramme.Of(programme, [3], null, new DateOnly(2026, 10, 18), wholeWithdrawal: false);
        Assert.Equal((360, 540, "Band 5 (full time, 540+ hours)"), (later.PlannedAfter, later.FundedAfter, later.BandAfter));
        Assert.Contains("Psychology: day 42, past day 42, so its 180 planned hours still count this year.", later.Warnings);
        Assert.True(later.ProgrammeCounts);
    }

    [Fact]
    public void A_swap_adds_the_new_course_and_the_maths_condition_is_named()
    {
        var start = new DateOnly(2026, 9, 7);
        List<StudyProgramme.Course> programme = [Course(1, "Biology", 180, start), Course(2, "GCSE Mathematics", 100, start, "maths")];
        var effect = StudyProgramme.Of(programme, [2], Course(3, "Core Maths", 120, new DateOnly(2026, 9, 19)), new DateOnly(2026, 9, 18), wholeWithdrawal: false);
        // 280 → 300 planned; GCSE Mathematics left on day 12 loses its 100: 180 + 120 = 300 funded, band 2.
        Assert.Equal((280, 300, 300, "Band 2 (280–359 hours)"), (effect.PlannedBefore, effect.PlannedAfter, effect.FundedAfter, effect.BandAfter));
        Assert.Contains("GCSE Mathematics is how this student meets the maths condition of funding: a student without a grade 4 in maths must keep studying it.", effect.Warnings);
        Assert.Equal(new DateOnly(2026, 10, 30), effect.Courses.Single(l => l.Joining).DayFortyTwo);
    }

    [Fact]
    public void Leaving_before_the_programmes_day_42_means_the_student_does_not_count()
    {
        var start = new DateOnly(2026, 9, 7);
        List<StudyProgramme.Course> programme = [Course(1, "Biology", 180, start), Course(2, "Chemistry", null, start)];
        var effect = StudyProgramme.Of(programme, [1, 2], null, new DateOnly(2026, 10, 17), wholeWithdrawal: true);
        Assert.Equal((180, 0, 0, "No funded hours", true), (effect.PlannedBefore, effect.PlannedAfter, effect.FundedAfter, effect.BandAfter, effect.HoursMissing));
        Assert.Contains("Leaving before the programme's day 42 (18 Oct 2026): the student will not count for funding this year.", effect.Warnings);
        var after = StudyProgramme.Of(programme, [1, 2], null, new DateOnly(2026, 10, 18), wholeWithdrawal: true);
        Assert.Equal((0, 180), (after.PlannedAfter, after.FundedAfter));
    }
}

using Caseload.Core.Rules;
using static Caseload.Core.Rules.SustainedDestination;

namespace Caseload.Core.Tests.Destinations;

/// <summary>The destination measures' sustained rule, with dates worked by hand. Every student here left on Fri 2 July 2027
/// (academic year 2026/27), so the destination year is August 2027 to July 2028 and the first two terms are October 2027
/// to March 2028.</summary>
public sealed class SustainedDestinationTests
{
    private static readonly DateOnly Left = new(2027, 7, 2);
    private static readonly DateOnly AfterMarch = new(2028, 4, 20);
    private static readonly DateOnly AfterJuly = new(2028, 8, 15);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void The_destination_year_is_the_academic_year_after_the_one_the_student_left_in()
    {
        Assert.Equal(2027, DestinationYearOf(D(2027, 7, 2)));
        Assert.Equal(2027, DestinationYearOf(D(2026, 8, 1)));   // the first day of 2026/27
        Assert.Equal(2026, DestinationYearOf(D(2026, 7, 31)));  // the last day of 2025/26
        Assert.Equal(2027, DestinationYearOf(D(2027, 2, 14)));  // left mid-year: still the 2026/27 cohort
        Assert.Equal([D(2027, 10, 1), D(2027, 11, 1), D(2027, 12, 1), D(2028, 1, 1), D(2028, 2, 1), D(2028, 3, 1)], Window(2027));
    }

    [Fact]
    public void University_from_late_September_to_the_summer_is_sustained_education()
    {
        var r = Evaluate(Left, [new Activity(Kind.Education, D(2027, 9, 25), null)], AfterMarch);
        Assert.Equal(Outcome.Education, r.Outcome);
        Assert.True(r.Sustained);
        Assert.Equal("in education every month from October 2027 to March 2028", r.Why);
    }

    [Fact]
    public void Leaving_university_in_February_is_not_sustained_education()
    {
        // Education October to 9 February: March has no activity; nothing else can now hold.
        var r = Evaluate(Left, [new Activity(Kind.Education, D(2027, 9, 25), D(2028, 2, 9))], AfterJuly);
        Assert.Equal(Outcome.NotSustained, r.Outcome);
        Assert.Equal("no education, apprenticeship or work recorded in March 2028", r.Why);
    }

    [Fact]
    public void A_single_day_in_a_month_counts_for_that_month()
    {
        // Starts 31 October (one day of October) and ends 1 March (one day of March): all six months.
        var r = Evaluate(Left, [new Activity(Kind.Education, D(2027, 10, 31), D(2028, 3, 1))], AfterMarch);
        Assert.Equal(Outcome.Education, r.Outcome);
    }

    [Fact]
    public void Employment_needs_five_of_the_six_months()
    {
        // Working 1 Nov to 31 Mar: 5 months (not October) → sustained employment.
        Assert.Equal(Outcome.Employment, Evaluate(Left, [new Activity(Kind.Employment, D(2027, 11, 1), D(2028, 3, 31))], AfterMarch).Outcome);
        // Working 1 Dec to 31 Mar: 4 months → not sustained once March is over; an apprenticeship could no longer fit either.
        Assert.Equal(Outcome.NotSustained, Evaluate(Left, [new Activity(Kind.Employment, D(2027, 12, 1), null)], AfterJuly).Outcome);
        // Two jobs with a gap in January: October–December and February–March = 5 months.
        var twoJobs = Evaluate(Left, [new Activity(Kind.Employment, D(2027, 10, 4), D(2027, 12, 22)), new Activity(Kind.Employment, D(2028, 2, 7), null)], AfterMarch);
        Assert.Equal(Outcome.Employment, twoJobs.Outcome);
        Assert.Equal("employed 5 of the 6 months from October 2027 to March 2028", twoJobs.Why);
    }

    [Fact]
    public void An_apprenticeship_needs_six_months_in_a_row_within_the_destination_year()
    {
        // 1 Feb to 31 Jul 2028: February–July, six months in a row, all in the destination year.
        var late = Evaluate(Left, [new Activity(Kind.Apprenticeship, D(2028, 2, 1), null)], AfterJuly);
        Assert.Equal(Outcome.Apprenticeship, late.Outcome);
        Assert.Equal("in an apprenticeship for 6 months in a row from February 2028", late.Why);
        // Starting 1 March: March–July is only 5 months before the year ends.
        Assert.Equal(Outcome.NotSustained, Evaluate(Left, [new Activity(Kind.Apprenticeship, D(2028, 3, 1), null)], AfterJuly).Outcome);
        // An apprenticeship takes precedence over education held at the same time (a degree apprenticeship recorded twice).
        var both = Evaluate(Left, [new Activity(Kind.Apprenticeship, D(2027, 9, 1), null), new Activity(Kind.Education, D(2027, 9, 1), null)], AfterMarch);
        Assert.Equal(Outcome.Apprenticeship, both.Outcome);
    }

    [Fact]
    public void Education_then_work_with_no_gap_is_a_combination()
    {
        // College October–December, a job from 3 January: every month covered, neither alone enough.
        var r = Evaluate(Left, [new Activity(Kind.Education, D(2027, 9, 6), D(2027, 12, 17)), new Activity(Kind.Employment, D(2028, 1, 3), null)], AfterMarch);
        Assert.Equal(Outcome.Combination, r.Outcome);
    }

    [Fact]
    public void Not_yet_known_while_a_measure_can_still_be_met()
    {
        // Still on roll.
        Assert.Equal(Outcome.NotYetKnown, Evaluate(null, [new Activity(Kind.Education, D(2027, 9, 25), null)], AfterMarch).Outcome);
        // Asked in December: education so far, three months to go.
        var december = Evaluate(Left, [new Activity(Kind.Education, D(2027, 9, 25), null)], D(2027, 12, 10));
        Assert.Equal(Outcome.NotYetKnown, december.Outcome);
        Assert.Equal("not yet sustained; it still can be", december.Why);
        // Asked in August, before the first two terms begin.
        Assert.Equal("the first two terms of the destination year run from October 2027 to March 2028",
            Evaluate(Left, [], D(2027, 8, 20)).Why);
        // Nothing since October, asked in May: education and employment are out, but an apprenticeship begun in
        // February could still run to July — so not yet known; by August it is not sustained.
        Assert.Equal(Outcome.NotYetKnown, Evaluate(Left, [], D(2028, 1, 31)).Outcome);
        Assert.Equal(Outcome.NotSustained, Evaluate(Left, [], D(2028, 2, 29)).Outcome);
    }

    [Fact]
    public void Activities_recorded_as_not_in_education_or_work_count_for_nothing()
    {
        var r = Evaluate(Left, [new Activity(Kind.None, D(2027, 9, 1), null)], AfterJuly);
        Assert.Equal(Outcome.NotSustained, r.Outcome);
        Assert.Equal("no education, apprenticeship or work recorded in October 2027, November 2027, December 2027, January 2028, February 2028, March 2028", r.Why);
    }

    [Fact]
    public void An_activity_starting_after_the_day_asked_about_is_not_yet_known_of()
    {
        // Asked on 20 April 2028 about a student whose apprenticeship is recorded from 1 May: not counted yet.
        var r = Evaluate(Left, [new Activity(Kind.Employment, D(2027, 10, 1), D(2027, 12, 31)), new Activity(Kind.Apprenticeship, D(2028, 5, 1), null)], AfterMarch);
        Assert.Equal(Outcome.NotSustained, r.Outcome);
    }
}

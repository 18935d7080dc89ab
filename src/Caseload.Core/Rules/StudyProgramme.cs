namespace Caseload.Core.Rules;

/// <summary>
/// The 16–19 funding facts a course change is judged against (decision 0020; UK-FACTS.md): a course counts once the student
/// has been on it for 42 days — calendar days from its start, holidays included, since the ILR counts the days between the
/// start date and the last day of learning — so a course left on or before its 41st day loses all its planned hours, and a
/// student who leaves before the programme's 42nd day does not count at all; planned hours set the funding band; students
/// without a grade 4 must keep studying maths and English.
/// </summary>
public static class StudyProgramme
{
    public const int QualifyingDays = 42;

    /// <summary>The day a course begun on <paramref name="start"/> counts: its 42nd day.</summary>
    public static DateOnly DayFortyTwo(DateOnly start) => start.AddDays(QualifyingDays - 1);

    /// <summary>Which day of the course <paramref name="day"/> is (the start is day 1).</summary>
    public static int DayOf(DateOnly start, DateOnly day) => day.DayNumber - start.DayNumber + 1;

    /// <summary>True when a student whose last day on the course is <paramref name="lastDay"/> counts on it.</summary>
    public static bool Counts(DateOnly start, DateOnly lastDay) => lastDay >= DayFortyTwo(start);

    /// <summary>The 16–19 funding band for a year's planned hours (students aged 16 and 17; check the year's funding
    /// guidance before relying on the boundaries).</summary>
    public static string Band(int hours) => hours switch
    {
        >= 540 => "Band 5 (full time, 540+ hours)",
        >= 450 => "Band 4 (450–539 hours)",
        >= 360 => "Band 3 (360–449 hours)",
        >= 280 => "Band 2 (280–359 hours)",
        > 0 => "Band 1 (under 280 hours)",
        _ => "No funded hours",
    };

    /// <summary>One course of the student's programme as it stands, or the one a change would join.</summary>
    public sealed record Course(int Id, string Code, string Name, int? Hours, DateOnly Start, string? Condition);

    /// <summary>A course in the effect: leaving or joining, its day 42 and whether the change keeps its hours funded.</summary>
    public sealed record Line(Course Course, bool Leaving, bool Joining, DateOnly DayFortyTwo, bool Passed, int DayOn);

    /// <summary>What a change would do, shown before anyone decides.</summary>
    /// <param name="PlannedAfter">The hours the student will study from the change on.</param>
    /// <param name="FundedAfter">The hours that count this year: a course left after its day 42 keeps its planned hours.</param>
    public sealed record Effect(IReadOnlyList<Line> Courses, int PlannedBefore, int PlannedAfter, int FundedAfter, string BandBefore, string BandAfter,
        DateOnly ProgrammeDayFortyTwo, bool ProgrammeCounts, bool HoursMissing, IReadOnlyList<string> Warnings);

    /// <summary>The effect of a change on <paramref name="on"/> (the last day on a course left, or the first on one joined).</summary>
    /// <param name="current">The student's active courses.</param>
    /// <param name="leaving">The ids of the courses left (every one for a withdrawal from the institution).</param>
    /// <param name="joining">The course joined, if any (its start is the change's day).</param>
    public static Effect Of(IReadOnlyList<Course> current, IReadOnlyCollection<int> leaving, Course? joining, DateOnly on, bool wholeWithdrawal)
    {
        var lines = new List<Line>();
        var warnings = new List<string>();
        foreach (var c in current.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var left = leaving.Contains(c.Id);
            lines.Add(new Line(c, left, false, DayFortyTwo(c.Start), Counts(c.Start, on), DayOf(c.Start, on)));
        }
        if (joining is not null)
        {
            lines.Add(new Line(joining, false, true, DayFortyTwo(joining.Start), false, 1));
        }
        var before = current.Sum(c => c.Hours ?? 0);
        var after = lines.Where(l => !l.Leaving).Sum(l => l.Course.Hours ?? 0);
        var funded = lines.Where(l => !l.Leaving || l.Passed).Sum(l => l.Course.Hours ?? 0);
        var programmeStart = current.Count == 0 ? on : current.Min(c => c.Start);
        var programmeCounts = Counts(programmeStart, on);
        if (wholeWithdrawal)
        {
            after = 0;
            if (!programmeCounts)
            {
                funded = 0;
                warnings.Add($"Leaving before the programme's day 42 ({DayFortyTwo(programmeStart):d MMM yyyy}): the student will not count for funding this year.");
            }
        }
        foreach (var l in lines.Where(l => l.Leaving))
        {
            warnings.Add(l.Passed
                ? $"{l.Course.Name}: day {l.DayOn}, past day 42, so its {l.Course.Hours?.ToString() ?? "unknown"} planned hours still count this year."
                : $"{l.Course.Name}: day {l.DayOn}, before day 42 ({l.DayFortyTwo:d MMM yyyy}), so all its {l.Course.Hours?.ToString() ?? "unknown"} planned hours are removed.");
            if (l.Course.Condition is { } subject)
            {
                warnings.Add($"{l.Course.Name} is how this student meets the {subject} condition of funding: a student without a grade 4 in {subject} must keep studying it.");
            }
        }
        if (!wholeWithdrawal && after < 540 && before >= 540)
        {
            warnings.Add($"The programme drops below full time: {after} planned hours from the change.");
        }
        var missing = lines.Any(l => l.Course.Hours is null);
        if (missing)
        {
            warnings.Add("Some courses have no planned hours (the enrolments import's planned_hours column): the hours shown leave them out.");
        }
        return new Effect(lines, before, after, funded, Band(before), Band(funded), DayFortyTwo(programmeStart), programmeCounts, missing, warnings);
    }
}

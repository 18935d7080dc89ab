using System.Globalization;

namespace Caseload.Core.Rules;

/// <summary>
/// Whether a leaver's destination was sustained, as the DfE's destination measures count it (decision 0022; UK-FACTS.md).
/// The destination year is the academic year (August to July) after the one in which the student left. A month counts for
/// an activity when the activity covers at least one of its days. Checked in this order, the first that holds wins:
/// <list type="bullet">
/// <item>an <b>apprenticeship</b> sustained for 6 consecutive months within the destination year;</item>
/// <item><b>education</b> in every month of the first two terms, October to March;</item>
/// <item><b>employment</b> in at least 5 of those 6 months;</item>
/// <item>a <b>combination</b>: every month October to March in education, an apprenticeship or employment, none of them
/// sustained alone.</item>
/// </list>
/// Only what is known by <c>asOf</c> counts: an activity with no end runs to that day, and a month not yet over may still
/// be filled. So the answer is "not yet known" while some measure can still be met, and "not sustained" once none can.
/// </summary>
public static class SustainedDestination
{
    public enum Kind
    {
        Education = 0,
        Apprenticeship = 1,
        Employment = 2,
        /// <summary>Not in education, employment or training, or not known: counts towards nothing.</summary>
        None = 3,
    }

    public enum Outcome
    {
        /// <summary>Still on roll, the destination year not begun, or a measure can still be met.</summary>
        NotYetKnown = 0,
        Apprenticeship = 1,
        Education = 2,
        Employment = 3,
        Combination = 4,
        NotSustained = 5,
    }

    /// <summary>An activity after leaving, from its first day to its last (none: still going).</summary>
    public sealed record Activity(Kind Kind, DateOnly From, DateOnly? To);

    /// <summary>The answer and why, in words.</summary>
    public sealed record Result(Outcome Outcome, int DestinationYear, string Why)
    {
        public bool Sustained => Outcome is Outcome.Apprenticeship or Outcome.Education or Outcome.Employment or Outcome.Combination;
    }

    /// <summary>The first calendar year of the destination year for a student who left on <paramref name="leftOn"/>: left in
    /// 2025/26 (any day from 1 August 2025 to 31 July 2026) → destination year 2026/27 → 2026.</summary>
    public static int DestinationYearOf(DateOnly leftOn) => (leftOn.Month >= 8 ? leftOn.Year : leftOn.Year - 1) + 1;

    /// <summary>The six months that decide education and employment: October to March of the destination year.</summary>
    public static IReadOnlyList<DateOnly> Window(int destinationYear) =>
        [.. Enumerable.Range(0, 6).Select(i => new DateOnly(destinationYear, 10, 1).AddMonths(i))];

    public static Result Evaluate(DateOnly? leftOn, IReadOnlyList<Activity> activities, DateOnly asOf)
    {
        if (leftOn is not { } left)
        {
            return new Result(Outcome.NotYetKnown, 0, "still on roll: the destination year begins the August after the student leaves");
        }
        var year = DestinationYearOf(left);
        var window = Window(year);
        var destinationYear = Enumerable.Range(0, 12).Select(i => new DateOnly(year, 8, 1).AddMonths(i)).ToList();
        var known = activities.Where(a => a.From <= asOf && a.Kind != Kind.None).ToList();

        bool Covered(DateOnly month, Kind kind) => known.Any(a => a.Kind == kind && Overlaps(a, month, asOf));
        bool CoveredAny(DateOnly month) => known.Any(a => Overlaps(a, month, asOf));
        // A month not over by asOf may still be filled.
        bool Open(DateOnly month) => month.AddMonths(1).AddDays(-1) > asOf;

        bool Apprenticeship(Func<DateOnly, bool> month) =>
            Enumerable.Range(0, 7).Any(start => destinationYear.Skip(start).Take(6).All(month));
        bool Education(Func<DateOnly, bool> month) => window.All(month);
        bool Employment(Func<DateOnly, bool> month) => window.Count(month) >= 5;

        if (Apprenticeship(m => Covered(m, Kind.Apprenticeship)))
        {
            var first = destinationYear.First(m => Covered(m, Kind.Apprenticeship));
            return new Result(Outcome.Apprenticeship, year, $"in an apprenticeship for 6 months in a row from {Month(first)}");
        }
        if (Education(m => Covered(m, Kind.Education)))
        {
            return new Result(Outcome.Education, year, $"in education every month from {Month(window[0])} to {Month(window[^1])}");
        }
        if (Employment(m => Covered(m, Kind.Employment)))
        {
            return new Result(Outcome.Employment, year, $"employed {window.Count(m => Covered(m, Kind.Employment))} of the 6 months from {Month(window[0])} to {Month(window[^1])}");
        }
        if (Education(CoveredAny))
        {
            return new Result(Outcome.Combination, year, $"in education, an apprenticeship or work every month from {Month(window[0])} to {Month(window[^1])}");
        }

        var stillPossible =
            Apprenticeship(m => Covered(m, Kind.Apprenticeship) || Open(m))
            || Education(m => CoveredAny(m) || Open(m))
            || Employment(m => Covered(m, Kind.Employment) || Open(m));
        if (stillPossible)
        {
            return new Result(Outcome.NotYetKnown, year, asOf < window[0]
                ? $"the first two terms of the destination year run from {Month(window[0])} to {Month(window[^1])}"
                : "not yet sustained; it still can be");
        }
        var gaps = window.Where(m => !CoveredAny(m)).ToList();
        return new Result(Outcome.NotSustained, year, gaps.Count == 0
            ? "not sustained in any one destination"
            : $"no education, apprenticeship or work recorded in {string.Join(", ", gaps.Select(Month))}");
    }

    private static bool Overlaps(Activity a, DateOnly month, DateOnly asOf)
    {
        var last = month.AddMonths(1).AddDays(-1);
        var end = a.To is { } to && to < asOf ? to : asOf;
        return a.From <= last && end >= month;
    }

    private static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>How the destinations report names an outcome.</summary>
    public static string Words(Outcome outcome) => outcome switch
    {
        Outcome.Apprenticeship => "Sustained apprenticeship",
        Outcome.Education => "Sustained education",
        Outcome.Employment => "Sustained employment",
        Outcome.Combination => "Sustained education and employment combination",
        Outcome.NotSustained => "Not sustained",
        _ => "Not yet known",
    };
}

using System.Globalization;

namespace Caseload.Core.Rules;

/// <summary>One row of a target table as read: the scale it is for, [From, To) of prior attainment, and the grade.</summary>
public sealed record TargetTableRow(int Line, string Scale, decimal From, decimal To, string Grade);

/// <summary>
/// Minimum expected grades from prior attainment: for each grade scale, bands of average GCSE score that together cover
/// 0 to 9 exactly once — no gaps, no overlaps — each naming a grade on that scale. A band is [From, To); the top band
/// also takes a score of exactly 9.
/// </summary>
public static class TargetTable
{
    public const decimal Lowest = 0m, Highest = 9m;

    /// <summary>Every problem with the table, each with the line it is on; empty when the table is sound.</summary>
    public static IReadOnlyList<(int Line, string Message)> Check(IEnumerable<TargetTableRow> rows, IReadOnlyDictionary<string, IReadOnlyList<string>> scales)
    {
        var problems = new List<(int, string)>();
        foreach (var scale in rows.GroupBy(r => r.Scale, StringComparer.OrdinalIgnoreCase))
        {
            if (!scales.TryGetValue(scale.Key, out var grades))
            {
                problems.Add((scale.First().Line, $"there is no grade scale '{scale.Key}'; expected one of {string.Join(", ", scales.Keys.Order(StringComparer.Ordinal))}"));
                continue;
            }
            var bands = scale.OrderBy(r => r.From).ThenBy(r => r.Line).ToList();
            foreach (var b in bands)
            {
                if (b.From < Lowest || b.To > Highest || b.From >= b.To)
                {
                    problems.Add((b.Line, $"the band {N(b.From)} to {N(b.To)} is not a range within {N(Lowest)} to {N(Highest)}; expected from < to"));
                }
                if (!grades.Contains(b.Grade, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add((b.Line, $"grade '{b.Grade}' is not on the {scale.Key} scale; expected one of {string.Join(", ", grades)}"));
                }
            }
            var expected = Lowest;
            var previous = 0;
            foreach (var b in bands)
            {
                if (b.From > expected)
                {
                    problems.Add((b.Line, $"{scale.Key}: no band covers {N(expected)} to {N(b.From)} (a gap); expected this band to start at {N(expected)}"));
                }
                else if (b.From < expected)
                {
                    problems.Add((b.Line, $"{scale.Key}: the band {N(b.From)} to {N(b.To)} overlaps the band on line {previous}, which runs to {N(expected)}; expected it to start at {N(expected)}"));
                }
                expected = Math.Max(expected, b.To);
                previous = b.Line;
            }
            if (expected < Highest)
            {
                problems.Add((bands[^1].Line, $"{scale.Key}: no band covers {N(expected)} to {N(Highest)} (a gap); expected the last band to reach {N(Highest)}"));
            }
        }
        // In file order (a stable sort: one line's problems keep their order).
        return [.. problems.OrderBy(p => p.Item1)];
    }

    /// <summary>The grade for a score on a scale; null when the table has no bands for the scale or no score is known.</summary>
    public static string? Lookup(IEnumerable<(string Scale, decimal From, decimal To, string Grade)> bands, string scale, decimal? score)
    {
        if (score is not { } s)
        {
            return null;
        }
        s = Math.Clamp(s, Lowest, Highest);
        foreach (var b in bands)
        {
            if (string.Equals(b.Scale, scale, StringComparison.OrdinalIgnoreCase) && s >= b.From && (s < b.To || (b.To == Highest && s == Highest)))
            {
                return b.Grade;
            }
        }
        return null;
    }

    private static string N(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}

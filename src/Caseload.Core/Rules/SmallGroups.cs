namespace Caseload.Core.Rules;

/// <summary>
/// Small-group suppression for cohort figures, as statistics about children are published: a group of fewer than
/// <see cref="Minimum"/> students shows neither its count nor its figures ("fewer than 5"), so a reader cannot work out
/// one child's attendance from a group of two. And secondary suppression, so it cannot be worked out by subtraction
/// either: where one line of a breakdown is withheld the next smallest is withheld too; where a vulnerable group is
/// withheld, "everyone else" and the gap are withheld with it (the whole cohort minus everyone else would give it).
/// </summary>
public static class SmallGroups
{
    /// <summary>The default threshold (setting <c>Cohorts:SmallestGroup</c>).</summary>
    public const int DefaultMinimum = 5;

    public static bool TooSmall(CohortFigures figures, int minimum) => figures.Students > 0 && figures.Students < minimum;

    /// <summary>The figures, or <see cref="CohortFigures.WithheldFigures"/> when the group is too small.</summary>
    public static CohortFigures Show(CohortFigures figures, int minimum) => TooSmall(figures, minimum) ? CohortFigures.WithheldFigures : figures;

    /// <summary>
    /// Which lines of a breakdown to withhold: every line under the minimum, and when exactly one is, the next smallest
    /// as well (a single withheld line could be recovered from the whole minus the rest).
    /// </summary>
    public static IReadOnlySet<int> Withhold(IReadOnlyList<CohortFigures> lines, int minimum)
    {
        var withheld = new HashSet<int>(Enumerable.Range(0, lines.Count).Where(i => TooSmall(lines[i], minimum)));
        if (withheld.Count == 1 && lines.Count > 1)
        {
            var next = Enumerable.Range(0, lines.Count).Where(i => !withheld.Contains(i) && lines[i].Students > 0)
                .OrderBy(i => lines[i].Students).ThenBy(i => i).Cast<int?>().FirstOrDefault();
            if (next is { } n)
            {
                withheld.Add(n);
            }
        }
        return withheld;
    }
}

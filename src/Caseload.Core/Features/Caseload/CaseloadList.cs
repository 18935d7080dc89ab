using Caseload.Core.Features.Search;

namespace Caseload.Core.Features.Caseload;

/// <summary>
/// One page of a caseload, filtered and sorted on the server: a progress leader's 1,200 students arrive as 50 rows,
/// not a 3 MB page sorted by the browser. The rows come from <see cref="CaseloadCache"/>; this decides which are shown
/// and in what order, the same for the page and for anyone else who lists a caseload.
/// </summary>
public static class CaseloadList
{
    /// <summary>Rows on a page unless the viewer asks for all of them.</summary>
    public const int PageSize = Shared.Paging.PageSize;

    public enum SortBy { Attention, Name, Group, Term, Year, Lates, BelowTarget, Behaviour }

    /// <param name="Text">Any order of words, each found in the name or the student ID ("Kaya Leila" finds Leila Kaya).</param>
    /// <param name="Ascending">Null: the column's natural order (most in need first; names A to Z).</param>
    /// <param name="Page">1-based; past the last page shows the last page.</param>
    public sealed record Query(
        string? Group = null, string? Flag = null, decimal? Below = null, string? Text = null,
        SortBy Sort = SortBy.Attention, bool? Ascending = null, int Page = 1, bool All = false);

    /// <param name="Matched">How many rows match the filters, on every page.</param>
    public sealed record Slice(Shared.Paged<GetCaseload.Row> Paged, bool Ascending)
    {
        public IReadOnlyList<GetCaseload.Row> Rows => Paged.Rows;
        public int Matched => Paged.Matched;
        public int Page => Paged.Page;
        public int Pages => Paged.Pages;
        public int First => Paged.First;
        public int Last => Paged.Last;
    }

    /// <summary>The natural direction of each column: the worst first for figures where low is bad.</summary>
    public static bool NaturallyAscending(SortBy sort) => sort is SortBy.Name or SortBy.Group or SortBy.Term or SortBy.Year;

    public static Slice Apply(IReadOnlyList<GetCaseload.Row> rows, Query query)
    {
        IEnumerable<GetCaseload.Row> matched = rows;
        if (!string.IsNullOrEmpty(query.Group))
        {
            matched = matched.Where(r => r.TutorGroup == query.Group);
        }
        if (!string.IsNullOrEmpty(query.Flag))
        {
            matched = matched.Where(r => r.Flags.Contains(query.Flag));
        }
        if (query.Below is { } below)
        {
            matched = matched.Where(r => r.AttendanceTerm < below);
        }
        var (_, words) = SearchStudents.Words(query.Text);
        if (words.Count > 0)
        {
            matched = matched.Where(r => words.All(w => r.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || r.ExternalId.Contains(w, StringComparison.OrdinalIgnoreCase)));
        }
        var ascending = query.Ascending ?? NaturallyAscending(query.Sort);
        return new Slice(Shared.Paging.Of(Sort(matched, query.Sort, ascending).ToList(), query.Page, query.All), ascending);
    }

    // Ties keep the caseload's own order (most in need first), so every sort is stable and the same on every page.
    private static IEnumerable<GetCaseload.Row> Sort(IEnumerable<GetCaseload.Row> rows, SortBy sort, bool ascending)
    {
        return sort switch
        {
            SortBy.Attention => By(r => r.AttentionPoints),
            SortBy.Name => By(r => r.Name, StringComparer.OrdinalIgnoreCase),
            SortBy.Group => By(r => r.TutorGroup ?? "", StringComparer.Ordinal),
            // No figures yet sorts after everyone with figures, whichever the direction.
            SortBy.Term => ByFigure(r => r.AttendanceTerm),
            SortBy.Year => ByFigure(r => r.AttendanceYear),
            SortBy.Lates => By(r => r.LatesTerm),
            SortBy.BelowTarget => By(r => (r.SubjectsBelowTarget * 10) + r.WorstGap),
            SortBy.Behaviour => By(r => r.BehaviourTerm),
            _ => rows,
        };

        IEnumerable<GetCaseload.Row> By<T>(Func<GetCaseload.Row, T> key, IComparer<T>? comparer = null) =>
            ascending ? rows.OrderBy(key, comparer) : rows.OrderByDescending(key, comparer);

        IEnumerable<GetCaseload.Row> ByFigure(Func<GetCaseload.Row, decimal?> key) =>
            (ascending ? rows.OrderBy(r => key(r) is null).ThenBy(key) : rows.OrderBy(r => key(r) is null).ThenByDescending(key));
    }
}

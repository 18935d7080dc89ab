namespace Caseload.Core.Shared;

/// <summary>
/// One page of a long list, cut on the server: every list a leader can open (a caseload, the 1:1 schedule, the
/// behaviour log, referrals, an inbox section) shows <see cref="Paging.PageSize"/> rows with "show all" rather than
/// a page of a thousand rows.
/// </summary>
/// <param name="Matched">How many rows the whole list holds.</param>
/// <param name="Page">1-based.</param>
/// <param name="All">Every row is shown (the viewer asked for all).</param>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Matched, int Page, int Pages, bool All)
{
    /// <summary>The 1-based position of the first row shown (0 when none).</summary>
    public int First => Matched == 0 ? 0 : All ? 1 : ((Page - 1) * Paging.PageSize) + 1;

    public int Last => First == 0 ? 0 : First + Rows.Count - 1;

    /// <summary>Whether there is more than one page, or the viewer is looking at all of a list that has.</summary>
    public bool Paginated => Pages > 1 || (All && Matched > Paging.PageSize);
}

public static class Paging
{
    /// <summary>Rows on a page unless the viewer asks for all of them.</summary>
    public const int PageSize = 50;

    /// <summary>The page asked for (past the last page: the last page; before the first: the first).</summary>
    public static Paged<T> Of<T>(IReadOnlyList<T> rows, int page, bool all)
    {
        var pages = all ? 1 : Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        var current = all ? 1 : Math.Clamp(page, 1, pages);
        var shown = all || rows.Count <= PageSize ? rows : [.. rows.Skip((current - 1) * PageSize).Take(PageSize)];
        return new Paged<T>(shown, rows.Count, current, pages, all);
    }

    /// <summary>The page numbers a pager shows: the first, the last and those either side of the current; null is a gap.</summary>
    public static IEnumerable<int?> Numbers(int current, int pages)
    {
        int? previous = null;
        for (var n = 1; n <= pages; n++)
        {
            if (n == 1 || n == pages || Math.Abs(n - current) <= 1)
            {
                if (previous is { } p && n - p > 1)
                {
                    yield return null;
                }
                yield return n;
                previous = n;
            }
        }
    }
}

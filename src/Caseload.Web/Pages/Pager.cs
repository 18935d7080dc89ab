using Microsoft.AspNetCore.Http;

namespace Caseload.Web.Pages;

/// <summary>
/// The pager under a long list (GOV.UK pagination, then "Show all N …" or "Show 50 at a time"). The page number and
/// "all" travel in the query string under <paramref name="Key"/> (P and All on a page with one list; a page with several
/// lists gives each its own), keeping every other setting of the view.
/// </summary>
/// <param name="Label">What the navigation is called for screen readers ("Caseload pages").</param>
/// <param name="Noun">What the rows are, plural ("students", "incidents").</param>
/// <param name="Fragment">Where the links land on the page (the list's id), so the reader keeps their place.</param>
public sealed record Pager(int Page, int Pages, int Matched, bool All, HttpRequest Request, string Label, string Noun, string Key = "", string? Fragment = null)
{
    public static Pager For<T>(Core.Shared.Paged<T> paged, HttpRequest request, string label, string noun, string key = "", string? fragment = null) =>
        new(paged.Page, paged.Pages, paged.Matched, paged.All, request, label, noun, key, fragment);

    public bool Shown => Pages > 1 || (All && Matched > Core.Shared.Paging.PageSize);

    /// <summary>This view's address at another page, or with all rows (or pages again).</summary>
    public string Link(int? page = null, bool? all = null)
    {
        var query = Request.Query
            .Where(q => !string.Equals(q.Key, Key + "P", StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, Key + "All", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .ToList();
        if ((all ?? All) is true)
        {
            query.Add(new(Key + "All", "true"));
        }
        else if (page is > 1)
        {
            query.Add(new(Key + "P", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return Request.PathBase + Request.Path + QueryString.Create(query).ToUriComponent() + (Fragment is null ? "" : "#" + Fragment);
    }
}

using Caseload.Core.Features.Caseload;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages;

/// <summary>My caseload: the tutor's morning. Filters are a GET form, so a filtered view can be bookmarked.</summary>
public sealed class IndexModel(CurrentViewer current, CaseloadCache caseload, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? Below { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Tutor { get; set; }
    [BindProperty(SupportsGet = true)] public CaseloadList.SortBy Sort { get; set; }
    /// <summary>"asc" or "desc"; anything else is the column's natural order.</summary>
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public CaseloadList.Slice Slice { get; private set; } = new(Paging.Of<GetCaseload.Row>([], 1, false), false);
    public string? SearchError { get; private set; }

    public GetCaseload.Result? Result { get; private set; }
    public IReadOnlyList<GetCaseload.Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Groups { get; private set; } = [];

    /// <summary>Whom the viewer covers today: their students are in this caseload until the cover's last day.</summary>
    public IReadOnlyList<Core.Security.StudentScope.Covering> Covers { get; private set; } = [];
    public static IReadOnlyList<string> Flags => Core.Domain.StudentFlags.All;

    /// <summary>This view's address with some of its settings changed: the filters are kept, the page starts again at 1.</summary>
    public string Link(CaseloadList.SortBy? sort = null, string? dir = null, int? page = null, bool? all = null)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(key, value));
            }
        }
        Add("Tutor", Tutor?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("Group", Group);
        Add("Flag", Flag);
        Add("Below", Below?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("Q", Q);
        var s = sort ?? Sort;
        Add("Sort", s == CaseloadList.SortBy.Attention ? null : s.ToString());
        Add("Dir", sort is null ? Dir : dir);
        Add("P", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add("All", (all ?? All) ? "true" : null);
        return Request.PathBase + Request.Path + QueryString.Create(query).ToUriComponent();
    }

    /// <summary>The link a column heading gives: its natural order first, the other way when it is already sorted so.</summary>
    public string SortLink(CaseloadList.SortBy column)
    {
        var natural = CaseloadList.NaturallyAscending(column);
        var next = column == Sort && Slice.Ascending == natural ? !natural : natural;
        return Link(column, next == natural ? null : next ? "asc" : "desc");
    }

    /// <summary>The table's columns in order: the sort each heading gives (none: not sortable), its title, and whether it holds numbers.</summary>
    public static IReadOnlyList<(CaseloadList.SortBy? Sort, string Title, bool Numeric)> Columns { get; } =
    [
        (CaseloadList.SortBy.Name, "Student", false), (CaseloadList.SortBy.Attention, "Early-warning score and why", false),
        (CaseloadList.SortBy.Group, "Group", false), (CaseloadList.SortBy.Term, "Term", true), (CaseloadList.SortBy.Year, "Year", true),
        (null, "Last 8 weeks", false), (CaseloadList.SortBy.Lates, "Lates", true), (CaseloadList.SortBy.BelowTarget, "Below target", true),
        (CaseloadList.SortBy.Behaviour, "Behaviour", true), (null, "Flags", false), (null, "Last 1:1", false),
    ];

    public static string ColumnName(CaseloadList.SortBy sort) => sort switch
    {
        CaseloadList.SortBy.Attention => "early-warning score",
        CaseloadList.SortBy.Term => "attendance this term",
        CaseloadList.SortBy.Year => "attendance this year",
        CaseloadList.SortBy.BelowTarget => "courses below target",
        _ => sort.ToString().ToLowerInvariant(),
    };

    public string AriaSort(CaseloadList.SortBy column) => column != Sort ? "none" : Slice.Ascending ? "ascending" : "descending";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            await HttpContext.RequestServices.GetRequiredService<SignInManager<Core.Domain.CaseloadUser>>().SignOutAsync();
            return Redirect("/sign-in");
        }
        // The first page after signing in depends on the role (Landing); "My caseload" itself is /caseload for everyone.
        Covers = scope.Covers;
        if (scope.Viewer.Roles.All(r => r == Core.Domain.Roles.SubjectTeacher) && scope.Covers.Count == 0)
        {
            return Redirect("/classes"); // staff who only teach have no caseload: their morning starts from their classes
        }
        if (HttpContext.Request.Path == "/" && Landing.For(scope.Viewer.Roles, scope.Covers.Count > 0) is var landing && landing != Landing.Caseload)
        {
            return Redirect(landing);
        }
        // A senior tutor may look at one tutor of their team; anyone else's choice is ignored.
        var tutor = Tutor is { } t && scope.CaseloadStaffIds.Contains(t) ? t : (int?)null;
        Result = await caseload.HandleAsync(new GetCaseload.Request(scope, clock.Today(), tutor), ct);
        Groups = [.. Result.Rows.Select(r => r.TutorGroup).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        try
        {
            Slice = CaseloadList.Apply(Result.Rows, new CaseloadList.Query(Group, Flag, Below, Q, Sort, Dir switch { "asc" => true, "desc" => false, _ => null }, P ?? 1, All));
        }
        catch (Core.ValidationException e)
        {
            SearchError = e.Message;
            Slice = CaseloadList.Apply(Result.Rows, new CaseloadList.Query(Group, Flag, Below, null, Sort, null, P ?? 1, All));
        }
        Rows = Slice.Rows;
        return Page();
    }
}

using Caseload.Core.Features.Referrals;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Referrals;

/// <summary>Referrals routed to me or my team, and the ones I raised (with what became of them).</summary>
public sealed class IndexModel(CurrentViewer current, ListReferrals referrals) : PageModel
{
    public ListReferrals.Lists Lists { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public int? P { get; set; }

    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    [BindProperty(SupportsGet = true)] public int? MineP { get; set; }

    [BindProperty(SupportsGet = true)] public bool MineAll { get; set; }

    public Paged<ListReferrals.Line> Received { get; private set; } = null!;

    public Paged<ListReferrals.Line> Raised { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Lists = await referrals.HandleAsync(scope, ct);
        Received = Paging.Of(Lists.Received, P ?? 1, All);
        Raised = Paging.Of(Lists.RaisedByYou, MineP ?? 1, MineAll);
        return Page();
    }

    public static string Took(DateTime from, DateTime? to) => to is { } t ? Duration(t - from) : "–";

    /// <summary>A response time in words a tutor reads at a glance: "45 min", "3 h 10 min", "2 days 4 h".</summary>
    public static string Duration(TimeSpan span) => span.TotalMinutes < 60 ? $"{Math.Max(0, (int)span.TotalMinutes)} min"
        : span.TotalHours < 24 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : $"{(int)span.TotalDays} day{((int)span.TotalDays == 1 ? "" : "s")} {span.Hours} h";
}

using Caseload.Core.Features.SupportPlans;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.SupportPlans;

/// <summary>My support plans: those the viewer owns or contributes to or has a step on (learning support: every SEND plan).</summary>
public sealed class IndexModel(CurrentViewer current, ListSupportPlans list, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListSupportPlans.Line> Plans { get; private set; } = [];
    public DateOnly Today => Caseload.Core.Shared.SchoolClock.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Plans = await list.MineAsync(scope, ct);
        return Page();
    }
}

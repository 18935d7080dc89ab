using Caseload.Core.Features.Casework;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.OneToOnes;

/// <summary>The 1:1 schedule of the viewer's students: overdue first, then due this week, then later.</summary>
public sealed class IndexModel(CurrentViewer current, Core.Features.Casework.OneToOnes oneToOnes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Core.Features.Casework.OneToOnes.Due> Schedule { get; private set; } = [];
    public DateOnly Today => clock.Today();

    /// <summary>Only overdue and due this week (the default), or everyone.</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Schedule = await oneToOnes.ScheduleAsync(scope, Today, ct: ct);
        return Page();
    }
}

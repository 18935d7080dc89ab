using Caseload.Core.Features.Destinations;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Destinations;

/// <summary>Results day: the applicants one looks after whose results miss (or may yet miss) their firm offer's conditions,
/// first, with the follow-up recorded for each.</summary>
[Authorize(Policy = nameof(Operation.RecordDestinations))]
public sealed class ResultsDayModel(CurrentViewer current, GetResultsDay get) : PageModel
{
    public GetResultsDay.View? View { get; private set; }
    [BindProperty(SupportsGet = true)] public int? Cycle { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        View = await get.HandleAsync(scope, Cycle, ct);
        return Page();
    }
}

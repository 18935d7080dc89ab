using Caseload.Core.Features.Overview;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages;

/// <summary>
/// The first page after sign-in: the tutor groups and students the signed-in member of staff may see, with
/// attendance this year. The full caseload dashboard replaces it with the staff web app.
/// </summary>
public sealed class GroupsModel(CurrentViewer current, GetInstitutionOverview overview, TimeProvider clock) : PageModel
{
    public GetInstitutionOverview.Result? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return await SignOutAndRetry();
        }
        Overview = await overview.HandleAsync(scope, clock.Today(), ct);
        return Page();
    }

    private async Task<IActionResult> SignOutAndRetry()
    {
        await HttpContext.RequestServices.GetRequiredService<SignInManager<Core.Domain.CaseloadUser>>().SignOutAsync();
        return Redirect("/sign-in");
    }
}

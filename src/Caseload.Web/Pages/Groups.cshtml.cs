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
    /// <summary>Above this many students every group's list is one click away, not all on one page (a year of 2,000).</summary>
    public const int ListAllUpTo = 300;

    public GetInstitutionOverview.Result? Overview { get; private set; }

    /// <summary>One tutor group's list only.</summary>
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    /// <summary>The groups whose student lists are on the page: all of them for a tutor, the chosen one for a leader.</summary>
    public IEnumerable<GetInstitutionOverview.GroupLine> Listed => Overview is not { } o ? []
        : !string.IsNullOrEmpty(Group) ? o.Groups.Where(g => g.Code == Group)
        : o.Groups.Sum(g => g.Students.Count) <= ListAllUpTo ? o.Groups : [];

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

using Caseload.Core;
using Caseload.Core.Features.Wellbeing;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Wellbeing;

/// <summary>The wellbeing team's page: referrals to the team waiting for a case (open one at a stage, with an owner), and
/// the team's open cases, the viewer's first.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.UseWellbeingCases))]
public sealed class IndexModel(CurrentViewer current, ListWellbeingCases list, OpenWellbeingCase open, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public ListWellbeingCases.Result Cases { get; private set; } = new([], []);
    public IReadOnlyList<(int Id, string Name)> Owners { get; private set; } = [];
    public DateOnly Today => clock.Today();
    public string? Error { get; private set; }
    public long? ErrorReferral { get; private set; }

    [BindProperty] public int Stage { get; set; } = 1;
    [BindProperty] public int? Owner { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(long referral, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await open.HandleAsync(scope, new(referral, Stage, Owner, Summary), ct) is { } id ? Redirect($"/wellbeing/{id}") : NotFound();
        }
        catch (ValidationException e)
        {
            (Error, ErrorReferral) = (Display.Sentence(e.Message), referral);
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await list.HandleAsync(scope, ct) is not { } cases)
        {
            return NotFound();
        }
        Cases = cases;
        Owners = await WellbeingStages.OwnersAsync(db, scope.Viewer, null, Today, ct);
        return Page();
    }
}

using Caseload.Core;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Referrals;

/// <summary>
/// One referral: in full for those who may read it (its receiver, and for an unrestricted one whoever sees the student's
/// pastoral record), with forms to acknowledge, record what was done and close; a receipt for the referrer otherwise.
/// </summary>
public sealed class ReferralModel(CurrentViewer current, GetReferral referrals) : PageModel
{
    public GetReferral.View View { get; private set; } = null!;
    public string? Error { get; private set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public bool Raised { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(long id, [FromServices] AcknowledgeReferral acknowledge, CancellationToken ct) =>
        ActAsync(id, (s, c) => acknowledge.HandleAsync(s, id, Version, c), ct);

    public Task<IActionResult> OnPostActAsync(long id, [FromServices] ActOnReferral act, CancellationToken ct) => ActAsync(id, (s, c) => act.HandleAsync(s, id, Version, Text ?? "", c), ct);

    public Task<IActionResult> OnPostCloseAsync(long id, [FromServices] CloseReferral close, CancellationToken ct) => ActAsync(id, (s, c) => close.HandleAsync(s, id, Version, Text ?? "", c), ct);

    private async Task<IActionResult> ActAsync(long id, Func<StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await act((StudentScope)scope, ct) ? Redirect($"/referrals/{id}") : NotFound();
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await referrals.HandleAsync(scope, id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        ModelState.Clear();
        Version = view.Referral.Version;
        return Page();
    }
}

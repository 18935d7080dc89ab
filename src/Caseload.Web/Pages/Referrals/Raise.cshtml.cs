using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Referrals;

/// <summary>What the "raise a concern or referral" form shows: its values and, after a refusal, why.</summary>
public sealed record RaiseForm(int StudentId, ReferralCategory Category = ReferralCategory.Concern, Urgency Urgency = Urgency.Routine, string? What = null,
    string? Error = null);

/// <summary>Raising a concern or referral about a student (anyone who sees them): the form on the student's page posts
/// here; a refusal shows the form again with what was typed and why.</summary>
public sealed class RaiseModel(CurrentViewer current, Core.Data.CaseloadDbContext db) : PageModel
{
    public RaiseForm Form { get; private set; } = null!;
    public string Student { get; private set; } = "";

    [BindProperty] public ReferralCategory ReferCategory { get; set; }
    [BindProperty] public Urgency ReferUrgency { get; set; }
    [BindProperty] public string? ReferWhat { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, new RaiseForm(id), ct);

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] RaiseReferral raise, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var raised = await raise.HandleAsync(scope, new RaiseReferral.Request(id, ReferCategory, ReferUrgency, ReferWhat ?? ""), ct);
            return raised is null ? NotFound() : Redirect($"/referrals/{raised.Id}?raised=true");
        }
        catch (ValidationException e)
        {
            return await ShowAsync(id, new RaiseForm(id, ReferCategory, ReferUrgency, ReferWhat, Display.Sentence(e.Message)), ct);
        }
    }

    private async Task<IActionResult> ShowAsync(int id, RaiseForm form, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var name = scope is null ? null : await scope.Visible(db).Where(s => s.Id == id)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        (Student, Form) = (name, form);
        return Page();
    }
}

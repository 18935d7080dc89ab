using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.OneToOnes;

/// <summary>One 1:1 meeting's record: notes, the student's view, targets reviewed and set. Printable.</summary>
public sealed class MeetingModel(CurrentViewer current, Core.Features.Casework.OneToOnes oneToOnes) : PageModel
{
    public Core.Features.Casework.OneToOnes.MeetingView View { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public bool Recorded { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await oneToOnes.MeetingAsync(scope, id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}

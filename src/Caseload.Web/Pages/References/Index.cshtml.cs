using Caseload.Core.Features.References;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.References;

/// <summary>References due soon (by deadline) for the students the viewer writes for, and the contributions they were asked for.</summary>
public sealed class IndexModel(CurrentViewer current, ListReferences list) : PageModel
{
    public ListReferences.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Result = await list.HandleAsync(scope, ct);
        return Page();
    }
}

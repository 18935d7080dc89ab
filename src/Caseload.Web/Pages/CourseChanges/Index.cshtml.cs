using Caseload.Core.Features.CourseChanges;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.CourseChanges;

/// <summary>The course changes of the students the viewer looks after: those waiting for them first.</summary>
public sealed class IndexModel(CurrentViewer current, ListCourseChanges list) : PageModel
{
    public IReadOnlyList<ListCourseChanges.Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Lines = await list.HandleAsync(scope, null, ct);
        return Page();
    }
}

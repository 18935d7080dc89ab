using Caseload.Core;
using Caseload.Core.Features.Search;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Search;

/// <summary>Finding a student from the box on every page: names in any order, part of a name, or an identifier.</summary>
public sealed class IndexModel(CurrentViewer current, SearchStudents search, SearchStaff searchStaff) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public SearchStudents.Result? Result { get; private set; }

    /// <summary>Members of staff who match, for administrators (null for everyone else).</summary>
    public SearchStaff.Result? Staff { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            Result = await search.HandleAsync(scope, Q, ct);
            if (Core.Security.Permissions.May(scope.Viewer, Core.Security.Operation.SearchStaff))
            {
                Staff = await searchStaff.HandleAsync(scope.Viewer, Q, ct);
            }
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return Page();
    }
}

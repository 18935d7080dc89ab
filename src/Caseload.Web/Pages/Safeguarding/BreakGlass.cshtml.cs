using Caseload.Core;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>Break-glass: a senior leader gives the reason they must open a child's safeguarding record now.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.BreakGlassSafeguarding))]
public sealed class BreakGlassModel(CurrentViewer current, Core.Data.CaseloadDbContext db) : PageModel
{
    public string Student { get; private set; } = "";
    public int StudentId { get; private set; }
    public string? Error { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] Core.Features.Safeguarding.BreakGlass breakGlass, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await breakGlass.OpenAsync(scope, id, Reason, ct) ? Redirect($"/students/{id}/safeguarding") : NotFound();
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var name = scope is null ? null : await db.Students.Where(s => s.Id == id && s.InstitutionId == scope.Viewer.InstitutionId)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        (Student, StudentId) = (name, id);
        return Page();
    }
}

using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.References;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.References;

/// <summary>The student's application and reference: opens it when there is one, or starts it (cycle, route, early deadline).</summary>
[Authorize(Policy = nameof(Operation.WriteReferences))]
public sealed class StartModel(CurrentViewer current, Core.Data.CaseloadDbContext db, GetApplication get, ReferenceCycles cycles) : PageModel
{
    public string Student { get; private set; } = "";
    public IReadOnlyList<ReferenceCycle> Cycles { get; private set; } = [];
    public string? Error { get; private set; }
    [BindProperty] public int CycleId { get; set; }
    [BindProperty] public ApplicationRoute Route { get; set; }
    [BindProperty] public bool Early { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is not null && await get.LatestAsync(scope, id, ct) is { } existing)
        {
            return Redirect($"/references/{existing}");
        }
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] StartApplication start, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var application = await start.HandleAsync(scope, id, CycleId, Route, Early, ct);
            return application is null ? NotFound() : Redirect($"/references/{application.Id}");
        }
        catch (ValidationException e)
        {
            Error = Caseload.Web.Pages.Display.Sentence(e.Message);
        }
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var name = scope is null ? null : await scope.Pastoral(db).Where(s => s.Id == id).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        Student = name;
        Cycles = await cycles.ListAsync(scope!.Viewer, ct);
        return Page();
    }
}

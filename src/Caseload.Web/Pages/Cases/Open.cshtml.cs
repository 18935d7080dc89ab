using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Cases;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Cases;

/// <summary>What the "open a case" form shows: the institution's stages, its values and, after a refusal, why.</summary>
public sealed record OpenCaseForm(int StudentId, IReadOnlyList<InterventionStage> Stages, int Stage = 1, CaseReason Reason = CaseReason.Attendance,
    string? Summary = null, string? Error = null);

/// <summary>Opening a case on a student (those who see their pastoral record): the form on the student's page posts
/// here; a refusal shows the form again with what was typed and why.</summary>
public sealed class OpenModel(CurrentViewer current, Core.Data.CaseloadDbContext db) : PageModel
{
    public OpenCaseForm Form { get; private set; } = null!;
    public string Student { get; private set; } = "";

    [BindProperty] public int CaseStage { get; set; }
    [BindProperty] public CaseReason CaseReason { get; set; }
    [BindProperty] public string? CaseSummary { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, null, ct);

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] OpenCase open, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var opened = await open.HandleAsync(scope, new OpenCase.Request(id, CaseStage, CaseReason, CaseSummary ?? ""), ct);
            return opened is null ? NotFound() : Redirect($"/cases/{opened.Id}");
        }
        catch (ValidationException e)
        {
            return await ShowAsync(id, Display.Sentence(e.Message), ct);
        }
    }

    private async Task<IActionResult> ShowAsync(int id, string? error, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var name = scope is null ? null : await scope.Pastoral(db).Where(s => s.Id == id)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        var stages = await CaseStages.ForAsync(db, scope!.Viewer.InstitutionId, ct);
        Student = name;
        Form = error is null ? new OpenCaseForm(id, stages) : new OpenCaseForm(id, stages, CaseStage, CaseReason, CaseSummary, error);
        return Page();
    }
}

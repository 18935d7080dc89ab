using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>Reporting a safeguarding concern about a student (anyone who sees them): what the designated lead needs —
/// when and where, who was there, the child's words, how they seemed, what it is about. A refusal keeps what was typed.</summary>
public sealed class ReportModel(CurrentViewer current, Core.Data.CaseloadDbContext db, SafeguardingCategories categories, TimeProvider clock) : PageModel
{
    public string Student { get; private set; } = "";
    public int StudentId { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today => clock.Today();

    [BindProperty] public Urgency Urgency { get; set; } = Urgency.Urgent;
    [BindProperty] public DateOnly? OccurredOn { get; set; }
    [BindProperty] public TimeOnly? OccurredAt { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Present { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? ChildsWords { get; set; }
    [BindProperty] public string? Demeanour { get; set; }
    [BindProperty] public List<string> Categories { get; set; } = [];

    /// <summary>The institution's categories.</summary>
    public IReadOnlyList<string> CategoryList { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        OccurredOn = Today;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ReportSafeguardingConcern report, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var concern = await report.HandleAsync(scope, new ReportSafeguardingConcern.Request(id, Urgency, What ?? "", OccurredOn, OccurredAt, Place, Present,
                ChildsWords, Demeanour, Categories), ct);
            return concern is null ? NotFound() : Redirect($"/referrals/{concern.Id}?raised=true");
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
        var name = scope is null ? null : await scope.Visible(db).Where(s => s.Id == id)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        (Student, StudentId) = (name, id);
        CategoryList = await categories.ForAsync(scope!.Viewer.InstitutionId, ct);
        return Page();
    }
}

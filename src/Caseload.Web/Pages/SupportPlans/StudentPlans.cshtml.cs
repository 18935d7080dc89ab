using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.SupportPlans;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.SupportPlans;

/// <summary>A student's support plans, and starting one.</summary>
public sealed class StudentPlansModel(CurrentViewer current, ListSupportPlans list, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListSupportPlans.Line> Plans { get; private set; } = [];
    public string Student { get; private set; } = "";
    public int StudentId { get; private set; }
    public bool MayStart { get; private set; }
    public bool SendOnly { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today => clock.Today();

    [BindProperty] public SupportPlanKind? Kind { get; set; }
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? KeyDate { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public decimal? Hours { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] StartSupportPlan start, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var plan = await start.HandleAsync(scope, new StartSupportPlan.Request(id, Kind, StartsOn, KeyDate, EndsOn, Hours), ct);
            return plan is null ? NotFound() : Redirect($"/support-plans/{plan}#content");
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
        if (scope is null)
        {
            return NotFound();
        }
        var view = await scope.ViewOfAsync(db, id, ct);
        var send = scope.Viewer.Has(Roles.LearningSupport);
        // A subject teacher (academic view) never reaches plans; learning support reaches SEND plans of any student.
        if (view != StudentView.Pastoral && !send)
        {
            return NotFound();
        }
        var name = await db.Students.AsNoTracking().Where(s => s.Id == id && s.InstitutionId == scope.Viewer.InstitutionId)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        (Student, StudentId, MayStart, SendOnly) = (name, id, true, view != StudentView.Pastoral);
        Plans = await list.ForStudentAsync(scope, id, ct);
        return Page();
    }
}

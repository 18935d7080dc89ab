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

/// <summary>One support plan: its dated steps, its content (editable by its owner and contributors), its history.</summary>
public sealed class PlanModel(CurrentViewer current, GetSupportPlan plans, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public GetSupportPlan.Plan Plan { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Staff { get; private set; } = [];
    public DateOnly Today => clock.Today();
    public string? Error { get; private set; }
    /// <summary>The form that was refused ("save", "step", "done-{id}", "end", "contributor"): it opens again with what was typed.</summary>
    public string? ErrorForm { get; private set; }

    [BindProperty(SupportsGet = true)] public int? ShowVersion { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public Dictionary<string, string?> Sections { get; set; } = [];
    [BindProperty] public string? StudentView { get; set; }
    [BindProperty] public string? ParentView { get; set; }
    [BindProperty] public string? Strategies { get; set; }
    [BindProperty] public SupportPlanStepKind? StepKind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? Due { get; set; }
    [BindProperty] public int? Owner { get; set; }
    [BindProperty] public string? Text { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostSaveAsync(long id, [FromServices] SaveSupportPlan save, CancellationToken ct) =>
        ActAsync(id, "save", "content", (scope, c) => save.HandleAsync(scope, new SaveSupportPlan.Request(id, Version, Sections, StudentView, ParentView, Strategies), c), ct);

    public Task<IActionResult> OnPostStepAsync(long id, [FromServices] PlanSteps steps, CancellationToken ct) =>
        ActAsync(id, "step", "steps", async (scope, c) => await steps.AddAsync(scope, new PlanSteps.NewStep(id, StepKind, Title, Due, Owner), c) is not null, ct);

    public Task<IActionResult> OnPostDoneAsync(long id, long step, [FromServices] PlanSteps steps, CancellationToken ct) =>
        ActAsync(id, $"done-{step}", "steps", (scope, c) => steps.CompleteAsync(scope, step, Version, Text, c), ct);

    public Task<IActionResult> OnPostEndAsync(long id, [FromServices] EndSupportPlan end, CancellationToken ct) =>
        ActAsync(id, "end", "top", (scope, c) => end.HandleAsync(scope, id, Version, Text, c), ct);

    public Task<IActionResult> OnPostContributorAsync(long id, [FromServices] EndSupportPlan people, CancellationToken ct) =>
        ActAsync(id, "contributor", "top", (scope, c) => people.AddContributorAsync(scope, id, Owner, c), ct);

    /// <summary>Whether this form was the one refused.</summary>
    public bool Refused(string form) => Error is not null && ErrorForm == form;

    public static string Describe(SupportPlanStepKind kind) => kind switch
    {
        SupportPlanStepKind.Target => "Target",
        SupportPlanStepKind.Review => "Review",
        _ => "Statutory step",
    };

    private async Task<IActionResult> ActAsync(long id, string form, string anchor, Func<StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        if (Sections.Count > 20 || Sections.Values.Any(v => v?.Length > 20_000))
        {
            return BadRequest();
        }
        try
        {
            return await act((StudentScope)scope, ct) ? Redirect($"/support-plans/{id}#{anchor}") : NotFound();
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        catch (ConcurrencyException e)
        {
            Error = Display.Sentence(e.Message);
        }
        ErrorForm = form;
        return await ShowAsync(id, ct, keep: true);
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct, bool keep = false)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await plans.HandleAsync(scope, id, keep ? null : ShowVersion, ct) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        if (plan.CanEdit)
        {
            var today = Today;
            Staff = [.. (await db.Staff.AsNoTracking().Where(s => s.InstitutionId == scope.Viewer.InstitutionId && s.Active && (s.LeftOn == null || s.LeftOn >= today))
                    .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToListAsync(ct))
                .Select(s => (s.Id, s.Name))];
        }
        if (!keep || ErrorForm != "save")
        {
            // The form shows the plan as saved (a refused save keeps what was typed).
            Sections = plan.Sections.ToDictionary(s => s.Section.Key, s => s.Text);
            (StudentView, ParentView, Strategies) = (plan.StudentView, plan.ParentView, plan.Strategies);
        }
        if (!keep)
        {
            ModelState.Clear();
        }
        return Page();
    }
}

using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.OneToOnes;
using Caseload.Core.Features.TargetBank;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.OneToOnes;

/// <summary>
/// Recording a 1:1: the open targets carried from earlier meetings to review (each with the version the form showed),
/// notes, the student's view, and new targets (picked from the team's bank or written). Refused whole if a target was
/// changed meanwhile; what was typed stays in the form.
/// </summary>
public sealed class RecordModel(CurrentViewer current, GetActionPlan plans, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public sealed class ReviewInput
    {
        public long TargetId { get; set; }
        public int Version { get; set; }
        public PlanTargetStatus Status { get; set; }
        public string? Note { get; set; }
    }

    public sealed class TargetInput
    {
        public string? Text { get; set; }
        public TargetOwner Owner { get; set; }
        public string? OwnerName { get; set; }
        public DateOnly? Due { get; set; }
    }

    public string Student { get; private set; } = "";
    public int StudentId { get; private set; }
    public GetActionPlan.Plan Plan { get; private set; } = null!;
    public IReadOnlyList<BankTarget> Bank { get; private set; } = [];
    public string? Error { get; private set; }
    public DateOnly Today => clock.Today();

    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? StudentView { get; set; }
    [BindProperty] public List<ReviewInput> Reviews { get; set; } = [];
    [BindProperty] public List<TargetInput> Targets { get; set; } = [];
    [BindProperty] public bool Prioritise { get; set; }
    [BindProperty] public bool AddToBank { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        HeldOn = Today;
        Prioritise = Plan.Prioritised;
        Reviews = [.. Plan.Open.Select(t => new ReviewInput { TargetId = t.Id, Version = t.Version, Status = PlanTargetStatus.Open })];
        Targets = [.. Enumerable.Range(0, 3).Select(_ => new TargetInput { Due = Today.AddDays(14) })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] RecordOneToOne record, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var meeting = await record.HandleAsync(scope, new RecordOneToOne.Request(id,
                HeldOn ?? throw new ValidationException("give the date of the meeting"), Notes ?? "", StudentView,
                [.. Reviews.Select(r => new RecordOneToOne.Review(r.TargetId, r.Version, r.Status, r.Note))],
                [.. Targets.Select(t => new RecordOneToOne.NewTarget(t.Text ?? "", t.Owner, t.OwnerName, t.Due))],
                Prioritise, AddToBank), ct);
            return meeting is null ? NotFound() : Redirect($"/one-to-ones/{meeting}?recorded=true");
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message.Replace("the latest version is shown", "the targets below are the latest; your notes are kept", StringComparison.Ordinal);
            // The latest targets, with what was typed kept.
            await LoadAsync(id, ct);
            var typed = Reviews.ToDictionary(r => r.TargetId);
            Reviews = [.. Plan.Open.Select(t => new ReviewInput { TargetId = t.Id, Version = t.Version, Status = PlanTargetStatus.Open, Note = typed.GetValueOrDefault(t.Id)?.Note })];
            ModelState.Clear();
            return Page();
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await plans.HandleAsync(scope, id, ct) is not { } plan)
        {
            return false;
        }
        Plan = plan;
        StudentId = id;
        Student = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Students.Where(s => s.Id == id).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName), ct);
        Bank = await BankTargets.ForAsync(db, scope.Viewer.InstitutionId, ct);
        return true;
    }

    public static string Describe(PlanTargetStatus status) => status switch
    {
        PlanTargetStatus.Open => "Carry forward",
        PlanTargetStatus.Achieved => "Achieved",
        PlanTargetStatus.PartlyAchieved => "Partly achieved",
        PlanTargetStatus.NotAchieved => "Not achieved",
        _ => "Dropped",
    };
}

using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Behaviour;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Behaviour;

/// <summary>What the behaviour forms on a student's page show: the report they are on (if any) and, after a refusal, why.</summary>
public sealed record BehaviourForms(int StudentId, OnReport? Report, DateOnly Today, string? Error = null);

/// <summary>
/// A student's behaviour actions — a reward (anyone who sees the student), a sanction and marking it served, putting them
/// on report, a day on report and taking them off it (those who see the pastoral record). The forms on the student's page
/// post here; a refusal shows them again with why.
/// </summary>
public sealed class StudentModel(CurrentViewer current, Core.Data.CaseloadDbContext db, GetBehaviourRecord records, TimeProvider clock) : PageModel
{
    public BehaviourForms Forms { get; private set; } = null!;
    public string Student { get; private set; } = "";
    public DateOnly Today => clock.Today();

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, null, ct);

    public Task<IActionResult> OnPostRewardAsync(int id, string? rewardCategory, int rewardPoints, string? rewardNote,
        [FromServices] GiveReward reward, CancellationToken ct) =>
        ActAsync(id, (scope, c) => reward.HandleAsync(scope, id, rewardCategory ?? "", rewardPoints, rewardNote, c), ct);

    public Task<IActionResult> OnPostSanctionAsync(int id, SanctionKind sanctionKind, DateOnly? sanctionOn, string? sanctionReason,
        [FromServices] GiveSanction sanction, CancellationToken ct) =>
        ActAsync(id, (scope, c) => sanction.HandleAsync(scope, id, sanctionKind, sanctionOn ?? throw new ValidationException("give the date of the sanction"), sanctionReason ?? "", c), ct);

    public Task<IActionResult> OnPostServedAsync(int id, long sanction, [FromServices] MarkSanctionServed served, CancellationToken ct) =>
        ActAsync(id, (scope, c) => served.HandleAsync(scope, sanction, c), ct);

    public Task<IActionResult> OnPostStartReportAsync(int id, DateOnly? reportFrom, string? reportTargets, string? reportReason,
        [FromServices] StartReport start, CancellationToken ct) =>
        ActAsync(id, async (scope, c) => await start.HandleAsync(scope, id, reportFrom ?? Today, reportTargets ?? "", reportReason ?? "", c) is not null, ct);

    public Task<IActionResult> OnPostReportDayAsync(int id, long report, DateOnly? dayDate, int dayMet, string? dayComment,
        [FromServices] RecordReportDay day, CancellationToken ct) =>
        ActAsync(id, (scope, c) => day.HandleAsync(scope, report, dayDate ?? Today, dayMet, dayComment, c), ct);

    public Task<IActionResult> OnPostEndReportAsync(int id, long report, [FromServices] EndReport end, CancellationToken ct) =>
        ActAsync(id, (scope, c) => end.HandleAsync(scope, report, c), ct);

    private async Task<IActionResult> ActAsync(int id, Func<StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await act((StudentScope)scope, ct) ? Redirect($"/students/{id}#behaviour") : NotFound();
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
        var record = await records.HandleAsync(scope!, id, ct);
        Student = name;
        Forms = new BehaviourForms(id, record.Reports.FirstOrDefault(r => r.To is null), Today, error);
        return Page();
    }
}

using Caseload.Core;
using Caseload.Core.Features.References;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.References;

/// <summary>A student's application and reference for their tutor and senior tutor: the courses with each teacher's
/// prediction and words, asking for contributions, signing off the predictions, drafting with a live count against 4,000
/// characters, and checking and releasing.</summary>
public sealed class ApplicationModel(CurrentViewer current, GetApplication get, TimeProvider clock) : PageModel
{
    public GetApplication.View View { get; private set; } = null!;
    public string? Error { get; private set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateOnly? Due { get; set; }
    [BindProperty] public string? Extenuating { get; set; }
    [BindProperty] public string? Supportive { get; set; }
    [BindProperty] public long ContributionId { get; set; }
    [BindProperty] public string? Grade { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, keep: false, ct);

    public Task<IActionResult> OnPostAskAsync(long id, [FromServices] RequestContributions ask, CancellationToken ct) =>
        ActAsync(id, async (s, c) => Due is { } due ? await ask.HandleAsync(s, id, Version, due, c) is not null : throw new ValidationException("enter the date the contributions are due"), ct);

    public Task<IActionResult> OnPostPredictAsync(long id, [FromServices] DraftReference draft, CancellationToken ct) =>
        ActAsync(id, (s, c) => draft.PredictAsync(s, id, Version, ContributionId, Grade, c), ct);

    public Task<IActionResult> OnPostSignOffAsync(long id, [FromServices] DraftReference draft, CancellationToken ct) =>
        ActAsync(id, (s, c) => draft.SignOffPredictionsAsync(s, id, Version, c), ct);

    public Task<IActionResult> OnPostSaveAsync(long id, [FromServices] DraftReference draft, CancellationToken ct) =>
        ActAsync(id, (s, c) => draft.HandleAsync(s, id, Version, Extenuating, Supportive, ready: false, c), ct);

    public Task<IActionResult> OnPostReadyAsync(long id, [FromServices] DraftReference draft, CancellationToken ct) =>
        ActAsync(id, (s, c) => draft.HandleAsync(s, id, Version, Extenuating, Supportive, ready: true, c), ct);

    public Task<IActionResult> OnPostCheckAsync(long id, [FromServices] CheckReference check, CancellationToken ct) =>
        ActAsync(id, (s, c) => check.HandleAsync(s, id, Version, CheckReference.Step.Check, c), ct);

    public Task<IActionResult> OnPostReleaseAsync(long id, [FromServices] CheckReference check, CancellationToken ct) =>
        ActAsync(id, (s, c) => check.HandleAsync(s, id, Version, CheckReference.Step.Release, c), ct);

    public Task<IActionResult> OnPostSendBackAsync(long id, [FromServices] CheckReference check, CancellationToken ct) =>
        ActAsync(id, (s, c) => check.HandleAsync(s, id, Version, CheckReference.Step.SendBack, c), ct);

    private async Task<IActionResult> ActAsync(long id, Func<StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await act((StudentScope)scope, ct) ? Redirect($"/references/{id}") : NotFound();
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
        }
        catch (ValidationException e)
        {
            Error = Caseload.Web.Pages.Display.Sentence(e.Message);
        }
        return await ShowAsync(id, keep: true, ct);
    }

    private async Task<IActionResult> ShowAsync(long id, bool keep, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await get.HandleAsync(scope, id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        var (extenuating, supportive, due) = (Extenuating, Supportive, Due);
        ModelState.Clear();
        Version = view.Application.Version;
        (Extenuating, Supportive) = keep ? (extenuating, supportive) : (view.Application.Extenuating, view.Application.Supportive);
        Due = keep && due is not null ? due : SchoolClock.Today(clock).AddDays(14);
        return Page();
    }
}

using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Cases;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Cases;

/// <summary>
/// One case of the staged intervention procedure: what it is about, its stage and owner, actions, and its whole history;
/// forms to review, move, add and complete actions, edit, close and delete. Every form carries the version the page
/// showed: if someone else saved the case meanwhile, the change is refused, said so, and the latest version shown.
/// </summary>
public sealed class CaseModel(CurrentViewer current, GetCase cases, TimeProvider clock) : PageModel
{
    public GetCase.Detail Detail { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool Conflict { get; private set; }
    /// <summary>Whether the viewer may take a case waiting for the senior leadership team.</summary>
    public bool MayTake { get; private set; }
    public DateOnly Today => clock.Today();

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int Stage { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public DateOnly? Due { get; set; }
    [BindProperty] public long ActionId { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, ct);

    public Task<IActionResult> OnPostTakeAsync(long id, [FromServices] TakeCase take, CancellationToken ct) => ActAsync(id, (s, c) => take.HandleAsync(s, id, Version, c), ct);

    public Task<IActionResult> OnPostReviewAsync(long id, [FromServices] ReviewCase review, CancellationToken ct) => ActAsync(id, (s, c) => review.HandleAsync(s, id, Version, Text ?? "", c), ct);

    public Task<IActionResult> OnPostMoveAsync(long id, [FromServices] MoveCase move, CancellationToken ct) => ActAsync(id, (s, c) => move.HandleAsync(s, id, Version, Stage, Text ?? "", c), ct);

    public Task<IActionResult> OnPostEditAsync(long id, [FromServices] EditCaseSummary edit, CancellationToken ct) => ActAsync(id, (s, c) => edit.HandleAsync(s, id, Version, Text ?? "", c), ct);

    public Task<IActionResult> OnPostCloseAsync(long id, [FromServices] CloseCase close, CancellationToken ct) => ActAsync(id, (s, c) => close.HandleAsync(s, id, Version, Text ?? "", c), ct);

    public Task<IActionResult> OnPostDeleteAsync(long id, [FromServices] DeleteCase delete, CancellationToken ct) => ActAsync(id, (s, c) => delete.HandleAsync(s, id, Version, Text ?? "", c), ct, deleted: true);

    public Task<IActionResult> OnPostActionAsync(long id, [FromServices] AddCaseAction add, CancellationToken ct) =>
        ActAsync(id, (s, c) => Due is { } due ? add.HandleAsync(s, id, Version, Text ?? "", Who ?? "", due, c)
            : throw new ValidationException("give the date the action is due"), ct);

    public Task<IActionResult> OnPostCompleteAsync(long id, [FromServices] CompleteCaseAction complete, CancellationToken ct) => ActAsync(id, (s, c) => complete.HandleAsync(s, ActionId, Version, c), ct);

    private async Task<IActionResult> ActAsync(long id, Func<StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct, bool deleted = false)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await cases.HandleAsync(scope, id, ct) is not { } before)
        {
            return NotFound();
        }
        try
        {
            if (!await act((StudentScope)scope, ct))
            {
                return NotFound();
            }
            // Post/redirect/get: a refresh does not repeat the change.
            return deleted ? Redirect($"/students/{before.Case.StudentId}#casework") : Redirect($"/cases/{id}#history");
        }
        catch (ConcurrencyException e)
        {
            (Error, Conflict) = (e.Message, true);
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await cases.HandleAsync(scope, id, ct) is not { } detail)
        {
            return NotFound();
        }
        Detail = detail;
        MayTake = scope.Viewer.May(Core.Security.Operation.TakeCasesForSeniorLeaders);
        ModelState.Clear();
        Version = detail.Case.Version;
        return Page();
    }

    public static string Owner(GetCase.Detail d) => d.Owner ?? d.OwnerRole switch
    {
        Roles.SeniorLeader => "Senior leaders",
        Roles.SeniorTutor => "The senior tutor",
        _ => "Not assigned",
    };
}

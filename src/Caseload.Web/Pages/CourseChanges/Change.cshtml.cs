using Caseload.Core;
using Caseload.Core.Features.CourseChanges;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.CourseChanges;

/// <summary>One course change: what was asked and why, its effect, each step with who and when, and the form for the
/// next step when it is the viewer's (authorise or refuse; action with the date; cancel).</summary>
public sealed class ChangeModel(CurrentViewer current, GetCourseChange get, TimeProvider clock) : PageModel
{
    public GetCourseChange.View View { get; private set; } = null!;
    public string? Error { get; private set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty(SupportsGet = true)] public bool Requested { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostAuthoriseAsync(long id, [FromServices] DecideCourseChange decide, CancellationToken ct) =>
        ActAsync(id, (s, c) => decide.HandleAsync(s, id, Version, authorise: true, Note, c), ct);

    public Task<IActionResult> OnPostRefuseAsync(long id, [FromServices] DecideCourseChange decide, CancellationToken ct) =>
        ActAsync(id, (s, c) => decide.HandleAsync(s, id, Version, authorise: false, Note, c), ct);

    public Task<IActionResult> OnPostActionAsync(long id, [FromServices] ActionCourseChange action, CancellationToken ct) =>
        ActAsync(id, (s, c) => On is { } on ? action.HandleAsync(s, id, Version, on, Confirm, c) : throw new ValidationException("enter the date, as day, month and year"), ct);

    public Task<IActionResult> OnPostCancelAsync(long id, [FromServices] CancelCourseChange cancel, CancellationToken ct) =>
        ActAsync(id, (s, c) => cancel.HandleAsync(s, id, Version, c), ct);

    private async Task<IActionResult> ActAsync(long id, Func<StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await act((StudentScope)scope, ct) ? Redirect($"/course-changes/{id}") : NotFound();
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        var keep = (On, Confirm);
        var result = await ShowAsync(id, ct);
        (On, Confirm) = keep;
        return result;
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await get.HandleAsync(scope, id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        ModelState.Clear();
        Version = view.Change.Version;
        On = view.LastPresent ?? clock.Today();
        return Page();
    }
}

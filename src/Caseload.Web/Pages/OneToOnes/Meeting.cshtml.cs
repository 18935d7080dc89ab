using Caseload.Core;
using Caseload.Core.Features.OneToOnes;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.OneToOnes;

/// <summary>One 1:1 meeting's record: notes, the student's view, targets reviewed and set; corrected or deleted (with a
/// reason) against the version shown. Printable.</summary>
public sealed class MeetingModel(CurrentViewer current, GetOneToOne meetings) : PageModel
{
    public GetOneToOne.View View { get; private set; } = null!;
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public bool Recorded { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await meetings.HandleAsync(scope, id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(long id, int version, string? notes, string? studentView, [FromServices] CorrectOneToOne correct, CancellationToken ct) =>
        ChangeAsync(id, (scope, c) => correct.HandleAsync(scope, id, version, notes ?? "", studentView, c), $"/one-to-ones/{id}", ct);

    public async Task<IActionResult> OnPostDeleteAsync(long id, int version, string? why, [FromServices] DeleteOneToOne delete, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var student = scope is null ? null : (await meetings.HandleAsync(scope, id, ct))?.Meeting.StudentId;
        return await ChangeAsync(id, (s, c) => delete.HandleAsync(s, id, version, why ?? "", c), $"/students/{student}#casework", ct);
    }

    private async Task<IActionResult> ChangeAsync(long id, Func<Core.Security.StudentScope, CancellationToken, Task<bool>> change, string then, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await change(scope, ct) ? Redirect(then) : NotFound();
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await OnGetAsync(id, ct);
    }
}

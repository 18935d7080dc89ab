using Caseload.Core;
using Caseload.Core.Features.Behaviour;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Behaviour;

/// <summary>The progress leader's daily behaviour log: since the last school day, and older incidents not yet dealt with.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.UseBehaviourLog))]
public sealed class LogModel(CurrentViewer current, GetBehaviourLog log, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GetBehaviourLog.Entry> Entries { get; private set; } = [];
    public string? Error { get; private set; }
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Entries = await log.HandleAsync(scope, Today, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDealtWithAsync(long eventId, string? note, [FromServices] MarkDealtWith mark, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            if (!await mark.HandleAsync(scope, eventId, note, ct))
            {
                return NotFound();
            }
            return Redirect($"/behaviour/log#event-{eventId}"); // back where the reader was
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await OnGetAsync(ct);
    }

    /// <summary>Marks the ticked incidents dealt with at once, with one note.</summary>
    public async Task<IActionResult> OnPostDealtWithSeveralAsync(List<long> eventIds, string? note, [FromServices] MarkDealtWith mark, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var marked = await mark.HandleAsync(scope, eventIds, note, ct);
            return marked is null ? NotFound() : Redirect($"/behaviour/log?marked={marked}#event-{eventIds[0]}");
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await OnGetAsync(ct);
    }

    /// <summary>How many the last "mark the ticked" marked (shown once, after it).</summary>
    [BindProperty(SupportsGet = true)] public int? Marked { get; set; }
}

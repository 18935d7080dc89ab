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
            return Redirect("/behaviour/log");
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await OnGetAsync(ct);
    }
}

using Caseload.Core;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>A safeguarding action as its owner sees it (what it asks only when shared), and marking it done.</summary>
public sealed class ActionModel(CurrentViewer current, GetSafeguardingTask tasks) : PageModel
{
    public GetSafeguardingTask.Task_ Task { get; private set; } = null!;
    public string? Error { get; private set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Note { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, [FromServices] CompleteSafeguardingAction complete, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await complete.HandleAsync(scope, id, Version, Note, ct) ? Redirect($"/safeguarding/actions/{id}") : NotFound();
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
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
        if (scope is null || await tasks.HandleAsync(scope, id, ct) is not { } task)
        {
            return NotFound();
        }
        Task = task;
        return Page();
    }
}

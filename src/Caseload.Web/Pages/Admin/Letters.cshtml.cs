using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Letters;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Admin;

/// <summary>Administrators edit the standard letters home; for anyone else the page does not exist.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Security.Operation.EditLetters))]
public sealed class LettersModel(CurrentViewer current, Core.Data.CaseloadDbContext db) : PageModel
{
    public IReadOnlyList<LetterTemplate> Templates { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorKey { get; private set; }
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        Templates = await LetterTemplates.ForAsync(db, viewer.InstitutionId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, string? name, string? body, int version, [FromServices] SaveLetterTemplate save, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        try
        {
            await save.HandleAsync(viewer, key, name ?? "", body ?? "", version, ct);
            Saved = key;
        }
        catch (ConcurrencyException e)
        {
            (Error, ErrorKey) = (e.Message, key);
        }
        catch (ValidationException e)
        {
            (Error, ErrorKey) = (Display.Sentence(e.Message), key);
        }
        Templates = await LetterTemplates.ForAsync(db, viewer.InstitutionId, ct);
        if (ErrorKey is not null)
        {
            // Keep what was typed: nothing is lost to a refusal.
            Templates = [.. Templates.Select(t => t.Key == key ? new LetterTemplate { Key = t.Key, Name = name ?? "", Body = body ?? "", UpdatedBy = t.UpdatedBy, Version = t.Version, InstitutionId = t.InstitutionId } : t)];
        }
        return Page();
    }
}

using Caseload.Core;
using Caseload.Core.Features.Letters;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Letters;

/// <summary>A standard letter for a student, filled in for the chosen parent or carer: printable, and logged as a contact when sent.</summary>
public sealed class LetterModel(CurrentViewer current, RenderLetter render, Core.Features.Institutions.Letterhead letterhead) : PageModel
{
    public RenderLetter.Letter Letter { get; private set; } = null!;
    /// <summary>The institution's address lines and logo, set by administrators on the Letters page.</summary>
    public Core.Features.Institutions.Letterhead.Head Head { get; private set; } = null!;
    public IReadOnlyList<RenderLetter.Recipient> Contacts { get; private set; } = [];
    public int StudentId { get; private set; }
    [BindProperty(SupportsGet = true)] public int To { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string key, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        try
        {
            if (scope is null || await render.HandleAsync(scope, id, key, To, ct) is not { } letter)
            {
                return NotFound();
            }
            Letter = letter;
        }
        catch (ValidationException)
        {
            return NotFound();
        }
        StudentId = id;
        Contacts = Letter.Offered ?? [];
        Head = await letterhead.ReadAsync(scope.Viewer.InstitutionId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string key, [FromServices] LogLetterSent send, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await send.HandleAsync(scope, id, key, To, ct) is null)
        {
            return NotFound();
        }
        return Redirect($"/students/{id}#contacts");
    }
}

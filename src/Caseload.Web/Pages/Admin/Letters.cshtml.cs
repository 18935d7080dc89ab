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
[RequestSizeLimit(MaxLogoBytes + (64 * 1024))]
public sealed class LettersModel(CurrentViewer current, Core.Data.CaseloadDbContext db, Core.Features.Institutions.Letterhead letterhead) : PageModel
{
    /// <summary>The largest logo file accepted from the page.</summary>
    public const int MaxLogoBytes = 2 * 1024 * 1024;

    public Core.Features.Institutions.Letterhead.Head Head { get; private set; } = null!;
    public string? LetterheadLines { get; private set; }
    public string? LetterheadError { get; private set; }
    public bool LetterheadSaved { get; private set; }

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
        await HeadAsync(viewer, null, ct);
        return Page();
    }

    private async Task HeadAsync(Core.Security.Viewer viewer, string? typed, CancellationToken ct)
    {
        Head = await letterhead.ReadAsync(viewer.InstitutionId, ct);
        LetterheadLines = typed ?? string.Join('\n', Head.Lines);
    }

    /// <summary>The letterhead: address and contact lines, and a logo (JPEG or PNG) or none.</summary>
    public async Task<IActionResult> OnPostLetterheadAsync(string? lines, IFormFile? logo, bool removeLogo, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        try
        {
            byte[]? bytes = null;
            if (logo is { Length: > 0 })
            {
                if (logo.Length > MaxLogoBytes)
                {
                    throw new ValidationException($"the logo file is {logo.Length / 1024:N0} KB; expected at most {MaxLogoBytes / 1024 / 1024} MB");
                }
                using var memory = new MemoryStream();
                await logo.CopyToAsync(memory, ct);
                bytes = memory.ToArray();
            }
            await letterhead.SaveAsync(viewer, lines, bytes, removeLogo, ct);
            LetterheadSaved = true;
        }
        catch (ValidationException e)
        {
            LetterheadError = Display.Sentence(e.Message);
        }
        Templates = await LetterTemplates.ForAsync(db, viewer.InstitutionId, ct);
        await HeadAsync(viewer, LetterheadError is null ? null : lines, ct);
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
        await HeadAsync(viewer, null, ct);
        if (ErrorKey is not null)
        {
            // Keep what was typed: nothing is lost to a refusal.
            Templates = [.. Templates.Select(t => t.Key == key ? new LetterTemplate { Key = t.Key, Name = name ?? "", Body = body ?? "", UpdatedBy = t.UpdatedBy, Version = t.Version, InstitutionId = t.InstitutionId } : t)];
        }
        return Page();
    }
}

using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>A child-protection file received from a child's previous school, read-only as it came (and those it carried
/// from earlier schools); each opening audited. The safeguarding team's, within a deputy's remit.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.ReadSafeguarding))]
public sealed class ReceivedModel(CurrentViewer current, TransferChildProtectionFile transfers) : PageModel
{
    public TransferChildProtectionFile.Opened Opened { get; private set; } = null!;

    /// <summary>The file and those it carried, in the order to show them (the latest school first).</summary>
    public IReadOnlyList<ChildProtectionFile> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await transfers.OpenReceivedAsync(scope, id, ct) is not { } opened)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        Opened = opened;
        Files = [opened.File, .. opened.File.Earlier];
        return Page();
    }

    /// <summary>A file kept with one of the concerns: <paramref name="f"/> which file (0 the one received, then the earlier
    /// ones it carried), <paramref name="c"/> the concern, <paramref name="a"/> the attachment.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(long id, int f, int c, int a, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await transfers.OpenReceivedAsync(scope, id, ct) is not { } opened)
        {
            return NotFound();
        }
        ChildProtectionFile[] files = [opened.File, .. opened.File.Earlier];
        if (f < 0 || f >= files.Length || c < 0 || c >= files[f].Concerns.Count || a < 0 || a >= files[f].Concerns[c].Attachments.Count)
        {
            return NotFound();
        }
        var attachment = files[f].Concerns[c].Attachments[a];
        Response.Headers.CacheControl = "no-store";
        return File(attachment.Content, attachment.ContentType, attachment.FileName);
    }
}

using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>The safeguarding team's child-protection files: leavers whose file is to send, files sent and their
/// acknowledgements, files received; and receiving one (the .cpfile and its pass-phrase).</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.ReadSafeguarding))]
[RequestSizeLimit(Limits.TransferBundleBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = Limits.TransferBundleBytes + (64 * 1024))]
public sealed class TransfersModel(CurrentViewer current, TransferChildProtectionFile transfers, TimeProvider clock) : PageModel
{
    public TransferChildProtectionFile.Overview Files { get; private set; } = new([], [], []);
    public TransferChildProtectionFile.Received? Just { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today => clock.Today();

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? passPhrase, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            if (file is null)
            {
                throw new ValidationException("choose the .cpfile the sending school sent");
            }
            if (file.Length > Limits.TransferBundleBytes)
            {
                throw new ValidationException($"the file is over {Limits.TransferBundleBytes / 1024 / 1024} MB; expected a child-protection file of at most that");
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            Just = await transfers.ReceiveAsync(scope, buffer.ToArray(), passPhrase, ct);
            if (Just is null)
            {
                return NotFound();
            }
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await transfers.OverviewAsync(scope, ct) is not { } files)
        {
            return NotFound();
        }
        Files = files;
        return Page();
    }
}

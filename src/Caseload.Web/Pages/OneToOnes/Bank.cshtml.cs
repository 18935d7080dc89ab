using Caseload.Core;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.OneToOnes;

/// <summary>The team's bank of model targets: staff who hold 1:1s add and remove them; the 1:1 form offers them.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Security.Operation.UseTargetBank))]
public sealed class BankModel(CurrentViewer current, Core.Features.Casework.OneToOnes oneToOnes) : PageModel
{
    public IReadOnlyList<Core.Domain.BankTarget> Bank { get; private set; } = [];
    public string? Error { get; private set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Area { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        Bank = await oneToOnes.BankAsync(viewer.InstitutionId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        try
        {
            await oneToOnes.AddToBankAsync(viewer, Text ?? "", Area ?? "", ct);
            return Redirect("/target-bank");
        }
        catch (ValidationException e)
        {
            Error = char.ToUpperInvariant(e.Message[0]) + e.Message[1..] + ".";
        }
        Bank = await oneToOnes.BankAsync(viewer.InstitutionId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int target, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null || !await oneToOnes.RemoveFromBankAsync(viewer, target, ct))
        {
            return NotFound();
        }
        return Redirect("/target-bank");
    }
}

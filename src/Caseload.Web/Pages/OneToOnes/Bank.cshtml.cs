using Caseload.Core;
using Caseload.Core.Features.TargetBank;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.OneToOnes;

/// <summary>The team's bank of model targets: staff who hold 1:1s add and remove them; the 1:1 form offers them.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Security.Operation.UseTargetBank))]
public sealed class BankModel(CurrentViewer current, Core.Data.CaseloadDbContext db) : PageModel
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
        Bank = await BankTargets.ForAsync(db, viewer.InstitutionId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync([FromServices] AddBankTarget add, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        try
        {
            await add.HandleAsync(viewer, Text ?? "", Area ?? "", ct);
            return Redirect("/target-bank");
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        Bank = await BankTargets.ForAsync(db, viewer.InstitutionId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int target, [FromServices] RemoveBankTarget remove, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null || !await remove.HandleAsync(viewer, target, ct))
        {
            return NotFound();
        }
        return Redirect("/target-bank");
    }
}

using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.References;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.References;

/// <summary>Application cycles: deadlines and the centre's statement (section 1 of every UCAS reference in the cycle).</summary>
[Authorize(Policy = nameof(Operation.ManageReferenceCycles))]
public sealed class CyclesModel(CurrentViewer current, ReferenceCycles cycles) : PageModel
{
    public IReadOnlyList<ReferenceCycle> Cycles { get; private set; } = [];
    public string? Error { get; private set; }
    [BindProperty] public int? Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateOnly? Early { get; set; }
    [BindProperty] public DateOnly? Main { get; set; }
    [BindProperty] public string? Statement { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        Cycles = await cycles.ListAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        try
        {
            if (Early is not { } early || Main is not { } main)
            {
                throw new ValidationException("enter both deadlines as dates");
            }
            await cycles.SaveAsync(viewer, Id, Version, Name ?? "", early, main, Statement, ct);
            return Redirect("/references/cycles");
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
        }
        catch (ValidationException e)
        {
            Error = Caseload.Web.Pages.Display.Sentence(e.Message);
        }
        Cycles = await cycles.ListAsync(viewer, ct);
        return Page();
    }
}

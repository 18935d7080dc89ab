using Caseload.Core;
using Caseload.Core.Features.References;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.References;

/// <summary>A subject teacher's contribution to a reference: their paragraph and the predicted grade, with the student's
/// current and target grades beside them. Only the teacher asked sees it.</summary>
public sealed class ContributionModel(CurrentViewer current, WriteContribution contributions) : PageModel
{
    public WriteContribution.View View { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool Saved { get; private set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Predicted { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, keep: false, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        try
        {
            if (!await contributions.HandleAsync(viewer, id, Version, Text, Predicted, ct))
            {
                return NotFound();
            }
            Saved = true;
            return await ShowAsync(id, keep: false, ct);
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
        }
        catch (ValidationException e)
        {
            Error = Caseload.Web.Pages.Display.Sentence(e.Message);
        }
        return await ShowAsync(id, keep: true, ct);
    }

    private async Task<IActionResult> ShowAsync(long id, bool keep, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null || await contributions.GetAsync(viewer, id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        var (text, predicted) = (Text, Predicted);
        ModelState.Clear();
        Version = view.Contribution.Version;
        (Text, Predicted) = keep ? (text, predicted) : (view.Contribution.Text, view.Contribution.PredictedGrade);
        return Page();
    }
}

using Caseload.Core;
using Caseload.Core.Features.Wellbeing;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Wellbeing;

/// <summary>A wellbeing case: its history, notes (counselling notes for counsellors), reviews, moves between the team's
/// stages, and closing it.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.UseWellbeingCases))]
public sealed class CaseModel(CurrentViewer current, GetWellbeingCase get, WellbeingCaseChanges changes, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public GetWellbeingCase.Case Case { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Owners { get; private set; } = [];
    public DateOnly Today => clock.Today();
    public string? Error { get; private set; }

    /// <summary>Which form was refused ("note", "review", "move", "close").</summary>
    public string? ErrorForm { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public bool Counselling { get; set; }
    [BindProperty] public int Stage { get; set; }
    [BindProperty] public int? Owner { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct) => ActAsync(id, "note", (s, c) => changes.NoteAsync(s, id, Counselling, On, Text, c), ct);

    public Task<IActionResult> OnPostReviewAsync(long id, CancellationToken ct) => ActAsync(id, "review", (s, c) => changes.ReviewAsync(s, id, Version, On, Text, c), ct);

    public Task<IActionResult> OnPostMoveAsync(long id, CancellationToken ct) => ActAsync(id, "move", (s, c) => changes.MoveAsync(s, id, Version, Stage, Owner, Text, c), ct);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) => ActAsync(id, "close", (s, c) => changes.CloseAsync(s, id, Version, Text, c), ct);

    /// <summary>What was typed into a refused form, so it is not lost.</summary>
    public string? Kept(string form) => ErrorForm == form ? Text : null;

    private async Task<IActionResult> ActAsync(long id, string form, Func<StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await act((StudentScope)scope, ct) ? Redirect($"/wellbeing/{id}") : NotFound();
        }
        catch (ValidationException e)
        {
            (Error, ErrorForm) = (Display.Sentence(e.Message), form);
        }
        catch (ConcurrencyException e)
        {
            (Error, ErrorForm) = (Display.Sentence(e.Message), form);
        }
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await get.HandleAsync(scope, id, ct) is not { } c)
        {
            return NotFound();
        }
        Case = c;
        Owners = await WellbeingStages.OwnersAsync(db, scope.Viewer, null, Today, ct);
        return Page();
    }
}

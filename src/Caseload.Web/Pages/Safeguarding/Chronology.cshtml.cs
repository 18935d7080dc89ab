using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>A child's safeguarding chronology, for the safeguarding team only: every concern with its details and every
/// decision and note, in the order things happened; the lead triages a concern and adds notes here.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.ReadSafeguarding))]
public sealed class ChronologyModel(CurrentViewer current, GetSafeguardingChronology chronology, TimeProvider clock) : PageModel
{
    public GetSafeguardingChronology.Chronology Record { get; private set; } = null!;
    public string? Error { get; private set; }
    public DateOnly Today => clock.Today();

    /// <summary>Which concern the last refused form was about, so its error shows beside it.</summary>
    public long? ErrorConcern { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public SafeguardingDecision? Decision { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public long? Concern { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostTriageAsync(int id, long concern, [FromServices] TriageConcern triage, CancellationToken ct) =>
        ActAsync(id, concern, (scope, c) => triage.HandleAsync(scope, concern, Version, Decision, Text, c), ct);

    public Task<IActionResult> OnPostNoteAsync(int id, [FromServices] AddSafeguardingNote note, CancellationToken ct) =>
        ActAsync(id, null, (scope, c) => note.HandleAsync(scope, id, Concern, On, Text, c), ct);

    private async Task<IActionResult> ActAsync(int id, long? concern, Func<StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await act(scope, ct) ? Redirect($"/students/{id}/safeguarding#{(concern is { } c ? $"concern-{c}" : "add-note")}") : NotFound();
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        ErrorConcern = concern;
        return await ShowAsync(id, ct, keep: true);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct, bool keep = false)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await chronology.HandleAsync(scope, id, ct) is not { } record)
        {
            return NotFound();
        }
        Record = record;
        if (!keep)
        {
            ModelState.Clear();
        }
        return Page();
    }

    public static string Describe(SafeguardingDecision decision) => decision switch
    {
        SafeguardingDecision.Monitor => "Monitor: record and watch for more",
        SafeguardingDecision.SupportInSchool => "Support in school",
        SafeguardingDecision.EarlyHelp => "Early Help (with the family's consent)",
        SafeguardingDecision.ChildrensSocialCare => "Refer to children's social care",
        SafeguardingDecision.Police => "Refer to the police",
        _ => "Prevent referral",
    };
}

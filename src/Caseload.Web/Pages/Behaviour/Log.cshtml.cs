using Caseload.Core;
using Caseload.Core.Features.Behaviour;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Behaviour;

/// <summary>The progress leader's behaviour log: every incident not yet dealt with, however old, and the last school day's events; or any dates.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.UseBehaviourLog))]
public sealed class LogModel(CurrentViewer current, GetBehaviourLog log, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GetBehaviourLog.Entry> Entries { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>Incidents nobody has dealt with yet, in all (the page may show fewer).</summary>
    public int Waiting { get; private set; }

    /// <summary>Dates to look at instead of what is waiting (inclusive).</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public bool Dated => From is not null || To is not null;

    /// <summary>The page of incidents shown (50 at a time, waiting first), or all of them.</summary>
    [BindProperty(SupportsGet = true)] public int? P { get; set; }

    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    [BindProperty(SupportsGet = true)] public int? RewardsP { get; set; }

    [BindProperty(SupportsGet = true)] public bool RewardsAll { get; set; }

    public Paged<GetBehaviourLog.Entry> Incidents { get; private set; } = Paging.Of<GetBehaviourLog.Entry>([], 1, false);

    public Paged<GetBehaviourLog.Entry> Rewards { get; private set; } = Paging.Of<GetBehaviourLog.Entry>([], 1, false);
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Waiting = await log.CountWaitingAsync(scope, Today, ct);
        try
        {
            Entries = await log.HandleAsync(scope, Today, From, To, ct);
            Incidents = Paging.Of([.. Entries.Where(e => e.Type == Core.Domain.BehaviourType.Negative)], P ?? 1, All);
            Rewards = Paging.Of([.. Entries.Where(e => e.Type == Core.Domain.BehaviourType.Positive)], RewardsP ?? 1, RewardsAll);
        }
        catch (ValidationException e)
        {
            Error ??= Display.Sentence(e.Message);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDealtWithAsync(long eventId, string? note, [FromServices] MarkDealtWith mark, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            if (!await mark.HandleAsync(scope, eventId, note, ct))
            {
                return NotFound();
            }
            return Redirect(Here(null, eventId)); // back where the reader was
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await OnGetAsync(ct);
    }

    /// <summary>Marks the ticked incidents dealt with at once, with one note.</summary>
    public async Task<IActionResult> OnPostDealtWithSeveralAsync(List<long> eventIds, string? note, [FromServices] MarkDealtWith mark, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var marked = await mark.HandleAsync(scope, eventIds, note, ct);
            return marked is null ? NotFound() : Redirect(Here(marked, eventIds[0]));
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await OnGetAsync(ct);
    }

    /// <summary>The log as the reader had it (the same dates), at the row they were on.</summary>
    private string Here(int? marked, long eventId)
    {
        var query = new List<string>();
        if (From is { } from)
        {
            query.Add($"From={from:yyyy-MM-dd}");
        }
        if (To is { } to)
        {
            query.Add($"To={to:yyyy-MM-dd}");
        }
        if (P is > 1 && !All)
        {
            query.Add($"P={P}");
        }
        if (All)
        {
            query.Add("All=true");
        }
        if (marked is { } m)
        {
            query.Add($"marked={m}");
        }
        return $"/behaviour/log{(query.Count == 0 ? "" : "?" + string.Join('&', query))}#event-{eventId}";
    }

    /// <summary>How many the last "mark the ticked" marked (shown once, after it).</summary>
    [BindProperty(SupportsGet = true)] public int? Marked { get; set; }
}

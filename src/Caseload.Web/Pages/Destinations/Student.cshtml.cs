using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Destinations;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Destinations;

/// <summary>A student's progression: applications' choices and offers (the firm one against the results), results-day
/// follow-ups, the intended destination, and what they did after leaving with whether it was sustained.</summary>
[Authorize(Policy = nameof(Operation.RecordDestinations))]
public sealed class StudentModel(CurrentViewer current, GetProgression get) : PageModel
{
    /// <summary>Rows of grade conditions the form offers.</summary>
    public const int ConditionRows = 4;

    public GetProgression.View View { get; private set; } = null!;
    public string? Error { get; private set; }
    /// <summary>Which form the error belongs to ("choice-12", "activity", "follow-up-3"), so it shows beside it.</summary>
    public string? ErrorAt { get; private set; }

    [BindProperty(SupportsGet = true)] public long? Choice { get; set; }
    [BindProperty(SupportsGet = true)] public long? Activity { get; set; }
    [BindProperty] public long ApplicationId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Provider { get; set; }
    [BindProperty] public string? Course { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public ChoiceStatus Status { get; set; }
    [BindProperty] public ChoiceReply Reply { get; set; }
    [BindProperty] public string? OtherConditions { get; set; }
    [BindProperty] public List<int?> ConditionCourse { get; set; } = [];
    [BindProperty] public List<string?> ConditionGrade { get; set; } = [];
    [BindProperty] public FollowUpOutcome Outcome { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DestinationKind Kind { get; set; }
    [BindProperty] public string? Detail { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await ShowAsync(id, ct);
        if (View is not null)
        {
            Prefill();
        }
        return result;
    }

    public Task<IActionResult> OnPostChoiceAsync(int id, [FromServices] RecordChoice record, CancellationToken ct) =>
        ActAsync(id, $"choice-{ApplicationId}", async (scope, c) =>
        {
            var conditions = Enumerable.Range(0, Math.Max(ConditionCourse.Count, ConditionGrade.Count))
                .Select(i => new RecordChoice.ConditionInput(ConditionCourse.ElementAtOrDefault(i) is > 0 and var course ? course : null, ConditionGrade.ElementAtOrDefault(i)))
                .ToList();
            await record.HandleAsync(scope, ApplicationId, Choice, Version, new RecordChoice.Input(Provider, Course, Code, Status, Reply, conditions, OtherConditions), c);
        }, ct);

    public Task<IActionResult> OnPostRemoveChoiceAsync(int id, [FromServices] RecordChoice record, CancellationToken ct) =>
        ActAsync(id, $"choice-{ApplicationId}", (scope, c) => record.RemoveAsync(scope, ApplicationId, Choice ?? 0, Version, c), ct);

    public Task<IActionResult> OnPostFollowUpAsync(int id, [FromServices] RecordFollowUp record, CancellationToken ct) =>
        ActAsync(id, $"follow-up-{ApplicationId}", (scope, c) => record.HandleAsync(scope, ApplicationId, Outcome, Note, c), ct);

    public Task<IActionResult> OnPostActivityAsync(int id, [FromServices] RecordActivity record, CancellationToken ct) =>
        ActAsync(id, "activity", (scope, c) => From is { } from
            ? record.HandleAsync(scope, id, Activity, Version, new RecordActivity.Input(Kind, Provider, Detail, from, To), c)
            : throw new ValidationException("enter the first day, as day, month and year"), ct);

    public Task<IActionResult> OnPostRemoveActivityAsync(int id, [FromServices] RecordActivity record, CancellationToken ct) =>
        ActAsync(id, "activity", (scope, c) => record.RemoveAsync(scope, id, Activity ?? 0, Version, c), ct);

    private async Task<IActionResult> ActAsync(int id, string at, Func<StudentScope, CancellationToken, Task> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            await act(scope, ct);
            return Redirect($"/students/{id}/progression#{at}");
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        ErrorAt = at;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await get.HandleAsync(scope, id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    /// <summary>The edit form's values when a choice or an activity is being changed (<c>?choice=</c>, <c>?activity=</c>).</summary>
    private void Prefill()
    {
        if (Choice is { } choiceId && View.Applications.SelectMany(a => a.Choices).FirstOrDefault(c => c.Entity.Id == choiceId)?.Entity is { } c)
        {
            (ApplicationId, Version, Provider, Course, Code, Status, Reply, OtherConditions) = (c.ApplicationId, c.Version, c.Provider, c.Course, c.Code, c.Status, c.Reply, c.OtherConditions);
            ConditionCourse = [.. c.Conditions.Select(x => x.CourseId)];
            ConditionGrade = [.. c.Conditions.Select(x => (string?)x.Grade)];
        }
        else if (Activity is { } activityId && View.Activities.FirstOrDefault(a => a.Id == activityId) is { } a)
        {
            (Version, Kind, Provider, Detail, From, To) = (a.Version, a.Kind, a.Provider, a.Detail, a.From, a.To);
        }
    }
}

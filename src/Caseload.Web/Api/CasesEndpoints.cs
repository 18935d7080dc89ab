using Caseload.Core.Domain;
using Caseload.Core.Features.Cases;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>The staged intervention procedure under <c>/api/v1</c>: the same use cases, rules and access as the pages.
/// Changes take the version the caller last saw; a stale one is 409 with who changed it.</summary>
internal static class CasesEndpoints
{
    public sealed record OpenRequest(int Stage, CaseReason Reason, string Summary);
    public sealed record MoveRequest(int Version, int Stage, string Why);
    public sealed record ActionRequest(int Version, string What, string Who, DateOnly Due);

    public sealed record CaseLine(long Id, int Stage, string Reason, string Summary, string Status, DateOnly NextReview, int Version);
    public sealed record CaseResponse(long Id, int StudentId, string Student, int Stage, string StageName, string Reason, string Summary, string Status,
        string? Owner, DateOnly OpenedOn, DateOnly NextReview, string? Outcome, int Version, IReadOnlyList<ActionResponse> Actions, IReadOnlyList<EventResponse> History);
    public sealed record ActionResponse(long Id, string What, string Who, DateOnly Due, bool Done, int Version);
    public sealed record EventResponse(DateTime At, string By, string Kind, string Text);

    public static void MapCasesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: cases");

        api.MapGet("/students/{id:int}/cases", (int id, CurrentViewer current, ListStudentCases cases, CancellationToken ct) =>
            RunAsync<Ok<CaseLine[]>>(current, async scope => TypedResults.Ok((await cases.HandleAsync(scope, id, ct))
                .Select(c => new CaseLine(c.Id, c.Stage, c.Reason.ToString(), c.Summary, c.Status.ToString(), c.NextReview, c.Version)).ToArray()), ct))
            .WithSummary("A student's cases (pastoral viewers; an empty list otherwise)");

        api.MapPost("/students/{id:int}/cases", (int id, OpenRequest body, CurrentViewer current, OpenCase open, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope => await open.HandleAsync(scope, new OpenCase.Request(id, body.Stage, body.Reason, body.Summary), ct) is { } c
                ? CreatedAt($"{ApiV1.Prefix}/cases/{c.Id}", c.Id) : NotFound("student", id), ct))
            .WithSummary("Opens a case on a student at a stage, for a reason");

        api.MapGet("/cases/{id:long}", (long id, CurrentViewer current, GetCase get, CancellationToken ct) =>
            RunAsync<Ok<CaseResponse>>(current, async scope => await get.HandleAsync(scope, id, ct) is { } d ? TypedResults.Ok(Response(d)) : NotFound("case", id), ct))
            .WithSummary("A case with its actions and its whole history, in order");

        api.MapPost("/cases/{id:long}/moves", (long id, MoveRequest body, CurrentViewer current, MoveCase move, CancellationToken ct) =>
            ChangeAsync(current, "case", id, scope => move.HandleAsync(scope, id, body.Version, body.Stage, body.Why, ct), ct))
            .WithSummary("Escalates or de-escalates a case with a written reason (the new stage's owner takes it over)");
        api.MapPost("/cases/{id:long}/take", (long id, Versioned body, CurrentViewer current, TakeCase take, CancellationToken ct) =>
            ChangeAsync(current, "case", id, scope => take.HandleAsync(scope, id, body.Version, ct), ct))
            .WithSummary("A senior leader takes a case waiting at a stage the senior leadership team owns (Stage 5+): it becomes theirs");
        api.MapPost("/cases/{id:long}/reviews", (long id, Note body, CurrentViewer current, ReviewCase review, CancellationToken ct) =>
            ChangeAsync(current, "case", id, scope => review.HandleAsync(scope, id, body.Version, body.Text, ct), ct))
            .WithSummary("Records a review (the next review date moves on)");
        api.MapPost("/cases/{id:long}/actions", (long id, ActionRequest body, CurrentViewer current, AddCaseAction add, CancellationToken ct) =>
            ChangeAsync(current, "case", id, scope => add.HandleAsync(scope, id, body.Version, body.What, body.Who, body.Due, ct), ct))
            .WithSummary("Adds an action: what, who, by when");
        api.MapPost("/case-actions/{id:long}/done", (long id, Versioned body, CurrentViewer current, CompleteCaseAction complete, CancellationToken ct) =>
            ChangeAsync(current, "action", id, scope => complete.HandleAsync(scope, id, body.Version, ct), ct))
            .WithSummary("Marks a case's action done (against the action's version)");
        api.MapPost("/cases/{id:long}/close", (long id, Note body, CurrentViewer current, CloseCase close, CancellationToken ct) =>
            ChangeAsync(current, "case", id, scope => close.HandleAsync(scope, id, body.Version, body.Text, ct), ct))
            .WithSummary("Closes a case with its outcome");
    }

    private static CaseResponse Response(GetCase.Detail d) => new(d.Case.Id, d.Case.StudentId, d.Student, d.Case.Stage, d.StageName, d.Case.Reason.ToString(),
        d.Case.Summary, d.Case.Status.ToString(), d.Owner, d.Case.OpenedOn, d.Case.NextReview, d.Case.Outcome, d.Case.Version,
        [.. d.Case.Actions.Select(a => new ActionResponse(a.Id, a.What, a.Who, a.Due, a.Done, a.Version))],
        [.. d.History.Select(e => new EventResponse(e.At, d.People.GetValueOrDefault(e.By, e.By), e.Kind.ToString(), e.Text))]);
}

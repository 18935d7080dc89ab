using Caseload.Core.Domain;
using Caseload.Core.Features.Destinations;
using Caseload.Core.Rules;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>Progression under <c>/api/v1</c>, with the pages' rules (RecordDestinations, the student's pastoral record):
/// choices and offers, results-day follow-ups, destinations after leaving, the results-day list and a year's leavers.</summary>
internal static class DestinationsEndpoints
{
    public sealed record Condition(string? Course, string Grade);

    public sealed record ChoiceBody(string Provider, string Course, string? Code, ChoiceStatus Status, ChoiceReply Reply, IReadOnlyList<Condition>? Conditions,
        string? OtherConditions, int Version = 0);

    public sealed record FollowUpBody(FollowUpOutcome Outcome, string? Note);

    public sealed record ActivityBody(DestinationKind Kind, string? Provider, string? Detail, DateOnly From, DateOnly? To, int Version = 0);

    public sealed record ChoiceLine(long Id, string Provider, string Course, string? Code, string Status, string Reply, string Conditions, string? OtherConditions,
        string? Verdict, IReadOnlyList<string> AgainstResults, int Version);

    public sealed record FollowUpLine(string Outcome, string? Note, string By, DateTime At);

    public sealed record ApplicationLine(long Id, string Cycle, string Route, string? ResultsDataPoint, IReadOnlyList<ChoiceLine> Choices, IReadOnlyList<FollowUpLine> FollowUps);

    public sealed record ActivityLine(long Id, string Kind, string? Provider, string? Detail, DateOnly From, DateOnly? To, int Version);

    public sealed record ProgressionResponse(int StudentId, string Student, bool OnRoll, DateOnly? LeftOn, string? Intended, IReadOnlyList<ApplicationLine> Applications,
        IReadOnlyList<ActivityLine> Destinations, string Sustained, string SustainedWhy);

    public sealed record ResultsLine(long ApplicationId, int StudentId, string Student, string Standing, string? Firm, string? FirmConditions, IReadOnlyList<string> AgainstResults,
        string? Insurance, string? InsuranceVerdict, string? LatestFollowUp);

    public sealed record ResultsDayResponse(string Cycle, string? ResultsDataPoint, IReadOnlyList<ResultsLine> Students);

    public sealed record LeaverLine(int StudentId, string Student, DateOnly? LeftOn, string? Intended, string? Now, string? Where, DateOnly? Ended, string Sustained, string Why);

    public sealed record LeaversResponse(string Year, int Leavers, int Sustained, IReadOnlyDictionary<string, int> ByDestination, IReadOnlyList<LeaverLine> Students);

    public static void MapDestinationsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: progression and destinations");

        api.MapGet("/students/{id:int}/progression", (int id, CurrentViewer current, GetProgression get, CancellationToken ct) =>
            RunAsync<Ok<ProgressionResponse>>(current, async scope => await get.HandleAsync(scope, id, ct) is { } v ? TypedResults.Ok(Response(v)) : NotFound("student", id), ct))
            .WithSummary("A student's applications with their choices, offers and follow-ups, the intended destination, and destinations after leaving with whether sustained");
        api.MapPost("/applications/{id:long}/choices", (long id, ChoiceBody body, CurrentViewer current, RecordChoice record, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope =>
            {
                var choice = await record.HandleAsync(scope, id, null, 0, Input(body), ct);
                return CreatedAt($"{ApiV1.Prefix}/applications/{id}/choices/{choice.Id}", choice.Id);
            }, ct))
            .WithSummary("Adds a choice to an application: the place, its status, an offer's grade conditions (course code or none for any subject) and the reply");
        api.MapPut("/applications/{id:long}/choices/{choiceId:long}", (long id, long choiceId, ChoiceBody body, CurrentViewer current, RecordChoice record, CancellationToken ct) =>
            ChangeAsync(current, "choice", choiceId, async scope => { await record.HandleAsync(scope, id, choiceId, body.Version, Input(body), ct); return true; }, ct))
            .WithSummary("Changes a choice against the version last seen (409 if someone changed it since)");
        api.MapPost("/applications/{id:long}/choices/{choiceId:long}/remove", (long id, long choiceId, Versioned body, CurrentViewer current, RecordChoice record, CancellationToken ct) =>
            ChangeAsync(current, "choice", choiceId, async scope => { await record.RemoveAsync(scope, id, choiceId, body.Version, ct); return true; }, ct))
            .WithSummary("Removes a choice entered in error");
        api.MapPost("/applications/{id:long}/follow-ups", (long id, FollowUpBody body, CurrentViewer current, RecordFollowUp record, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope =>
            {
                var f = await record.HandleAsync(scope, id, body.Outcome, body.Note, ct);
                return CreatedAt($"{ApiV1.Prefix}/applications/{id}/follow-ups/{f.Id}", f.Id);
            }, ct))
            .WithSummary("Records a results-day follow-up: what came of it, with a note");
        api.MapPost("/students/{id:int}/destinations", (int id, ActivityBody body, CurrentViewer current, RecordActivity record, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope =>
            {
                var a = await record.HandleAsync(scope, id, null, 0, new RecordActivity.Input(body.Kind, body.Provider, body.Detail, body.From, body.To), ct);
                return CreatedAt($"{ApiV1.Prefix}/students/{id}/destinations/{a.Id}", a.Id);
            }, ct))
            .WithSummary("Records what a student did after leaving, from a date (and to one, unless it continues)");
        api.MapPut("/students/{id:int}/destinations/{activityId:long}", (int id, long activityId, ActivityBody body, CurrentViewer current, RecordActivity record, CancellationToken ct) =>
            ChangeAsync(current, "destination", activityId, async scope =>
            {
                await record.HandleAsync(scope, id, activityId, body.Version, new RecordActivity.Input(body.Kind, body.Provider, body.Detail, body.From, body.To), ct);
                return true;
            }, ct))
            .WithSummary("Changes a destination against the version last seen (409 if someone changed it since)");
        api.MapPost("/students/{id:int}/destinations/{activityId:long}/remove", (int id, long activityId, Versioned body, CurrentViewer current, RecordActivity record, CancellationToken ct) =>
            ChangeAsync(current, "destination", activityId, async scope => { await record.RemoveAsync(scope, id, activityId, body.Version, ct); return true; }, ct))
            .WithSummary("Removes a destination entered in error");
        api.MapGet("/results-day", (int? cycle, CurrentViewer current, GetResultsDay get, CancellationToken ct) =>
            RunAsync<Ok<ResultsDayResponse>>(current, async scope => await get.HandleAsync(scope, cycle, ct) is { } v
                ? TypedResults.Ok(new ResultsDayResponse(v.Cycle.Name, v.ResultsPoint?.Name, [.. v.Rows.Select(r => new ResultsLine(r.ApplicationId, r.StudentId, r.Student,
                    r.Standing.ToString(), r.Firm is null ? null : $"{r.Firm.Course}, {r.Firm.Provider}", r.Firm?.Conditions, r.Firm?.Lines ?? [],
                    r.Insurance is null ? null : $"{r.Insurance.Course}, {r.Insurance.Provider}", r.Insurance?.Verdict.ToString(),
                    r.Latest is null ? null : DestinationWords.Describe(r.Latest.Outcome)))]))
                : NotFound("application cycle", cycle ?? 0), ct))
            .WithSummary("Applicants in a cycle (default: the latest) against their firm offer's conditions: missed first, then awaiting results, no firm offer, met");
        api.MapGet("/destinations", (int? year, CurrentViewer current, ListDestinations list, CancellationToken ct) =>
            RunAsync<Ok<LeaversResponse>>(current, async scope =>
            {
                var v = await list.HandleAsync(scope, year, ct);
                return TypedResults.Ok(new LeaversResponse(v.YearName, v.Rows.Count, v.Sustained,
                    Enum.GetValues<SustainedDestination.Outcome>().ToDictionary(o => SustainedDestination.Words(o), v.Count),
                    [.. v.Rows.Select(r => new LeaverLine(r.StudentId, r.Student, r.LeftOn, r.Intended, r.Now is { } k ? DestinationWords.Describe(k) : null, r.Where, r.Ended,
                        SustainedDestination.Words(r.Sustained.Outcome), r.Sustained.Why))]));
            }, ct))
            .WithSummary("One academic year's leavers (year: its first calendar year; default the last ended) with intended, now and sustained destinations");
    }

    private static RecordChoice.Input Input(ChoiceBody body) => new(body.Provider, body.Course, body.Code, body.Status, body.Reply,
        [.. (body.Conditions ?? []).Select(c => new RecordChoice.ConditionInput(null, c.Grade, c.Course))], body.OtherConditions);

    private static ProgressionResponse Response(GetProgression.View v) => new(v.Student.Id, v.Student.DisplayName, v.Student.OnRoll, v.Student.LeftOn, v.Intended,
        [.. v.Applications.Select(a => new ApplicationLine(a.Application.Id, a.Cycle, Core.Features.References.ReferenceWords.Describe(a.Application.Route), a.ResultsPoint,
            [.. a.Choices.Select(c => new ChoiceLine(c.Entity.Id, c.Entity.Provider, c.Entity.Course, c.Entity.Code, DestinationWords.Describe(c.Entity.Status),
                DestinationWords.Describe(c.Entity.Reply), c.Conditions, c.Entity.OtherConditions, c.Outcome?.Verdict.ToString(), [.. c.Outcome?.Lines.Select(l => l.Words) ?? []], c.Entity.Version))],
            [.. a.FollowUps.Select(f => new FollowUpLine(DestinationWords.Describe(f.Outcome), f.Note, f.By, f.At))]))],
        [.. v.Activities.Select(x => new ActivityLine(x.Id, DestinationWords.Describe(x.Kind), x.Provider, x.Detail, x.From, x.To, x.Version))],
        SustainedDestination.Words(v.Sustained.Outcome), v.Sustained.Why);
}

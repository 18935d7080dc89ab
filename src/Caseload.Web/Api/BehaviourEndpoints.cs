using Caseload.Core.Features.Behaviour;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>Behaviour under <c>/api/v1</c>: recording an incident and the daily log.</summary>
internal static class BehaviourEndpoints
{
    public sealed record LogEntryResponse(long EventId, int StudentId, string Student, string? Group, DateOnly On, string Type, string Category, int Points,
        string? Description, string? Staff, IReadOnlyList<string> Involved, DateTime? DealtWithAt, string? DealtWithBy, string? Note);

    public static void MapBehaviourEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: behaviour");

        api.MapPost("/incidents", (RecordIncident.Request body, CurrentViewer current, RecordIncident record, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope => await record.HandleAsync(scope, body, ct) is { } i
                ? CreatedAt($"{ApiV1.Prefix}/incidents/{i}", i) : NotFound("student", 0), ct))
            .WithSummary("Records a behaviour incident with every student in one role (a victim is never a perpetrator; at most 40 students)");
        api.MapGet("/behaviour/log", (CurrentViewer current, GetBehaviourLog log, TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            RunAsync<Ok<LogEntryResponse[]>>(current, async scope => TypedResults.Ok((await log.HandleAsync(scope, clock.Today(), from, to, ct))
                .Select(e => new LogEntryResponse(e.EventId, e.StudentId, e.Student, e.Group, e.On, e.Type.ToString(), e.Category, e.Points, e.Description, e.Staff,
                    e.Involved, e.DealtWithAt, e.DealtWithBy, e.Note)).ToArray()), ct))
            .WithSummary("The behaviour log (progress leaders, senior leaders, administrators): every incident not yet dealt with and the last school day's events, or every event from and to the dates given (yyyy-MM-dd, at most 400 days)");
        api.MapPost("/behaviour/log/{id:long}/dealt-with", (long id, DealtWith body, CurrentViewer current, MarkDealtWith mark, CancellationToken ct) =>
            ChangeAsync(current, "event", id, scope => mark.HandleAsync(scope, id, body.Note, ct), ct))
            .WithSummary("Marks an event on the behaviour log as dealt with, with an optional note");
    }

    public sealed record DealtWith(string? Note);
}

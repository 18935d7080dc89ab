using Caseload.Core.Domain;
using Caseload.Core.Features.OneToOnes;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>The 1:1 programme under <c>/api/v1</c>: the schedule, recording a meeting with its action plan, and corrections.</summary>
internal static class OneToOnesEndpoints
{
    public sealed record DueResponse(int StudentId, string Student, string? Group, string? Tutor, DateOnly? LastHeld, DateOnly NextDue, string State,
        bool Prioritised, bool PrioritisedByTutor, int? RiskScore, int OpenTargets);
    public sealed record TargetResponse(long Id, string Text, string Owner, string? OwnerName, DateOnly Due, string Status, string? ReviewNote, int Version);
    public sealed record OneToOneResponse(long Id, int StudentId, string Student, DateOnly HeldOn, string HeldBy, string Notes, string? StudentView, int Version,
        IReadOnlyList<TargetResponse> TargetsSet, IReadOnlyList<TargetResponse> TargetsReviewed);

    public static void MapOneToOnesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: 1:1s");

        api.MapGet("/one-to-ones", (CurrentViewer current, GetOneToOneSchedule schedule, TimeProvider clock, CancellationToken ct) =>
            RunAsync<Ok<DueResponse[]>>(current, async scope => TypedResults.Ok((await schedule.HandleAsync(scope, clock.Today(), ct: ct))
                .Select(d => new DueResponse(d.StudentId, d.Student, d.Group, d.Tutor, d.LastHeld, d.NextDue, d.State.ToString(), d.Prioritised,
                    d.PrioritisedByTutor, d.RiskScore, d.OpenTargets)).ToArray()), ct))
            .WithSummary("The caller's students' 1:1 schedule, soonest due first");
        api.MapPost("/students/{id:int}/one-to-ones", (int id, RecordOneToOne.Request body, CurrentViewer current, RecordOneToOne record, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope => await record.HandleAsync(scope, body with { StudentId = id }, ct) is { } m
                ? CreatedAt($"{ApiV1.Prefix}/one-to-ones/{m}", m) : NotFound("student", id), ct))
            .WithSummary("Records a 1:1: notes, the student's view, targets reviewed (with the versions last seen) and set (at most 10)");
        api.MapGet("/one-to-ones/{id:long}", (long id, CurrentViewer current, GetOneToOne get, CancellationToken ct) =>
            RunAsync<Ok<OneToOneResponse>>(current, async scope => await get.HandleAsync(scope, id, ct) is { } v ? TypedResults.Ok(Response(v)) : NotFound("meeting", id), ct))
            .WithSummary("One 1:1 record with the targets it set and reviewed");
        api.MapPost("/one-to-ones/{id:long}/corrections", (long id, Correction body, CurrentViewer current, CorrectOneToOne correct, CancellationToken ct) =>
            ChangeAsync(current, "meeting", id, scope => correct.HandleAsync(scope, id, body.Version, body.Text, body.Extra, ct), ct))
            .WithSummary("Corrects a 1:1's notes (text) and the student's view (extra); the previous text stays in the audit log");
        api.MapPost("/one-to-ones/{id:long}/delete", (long id, Deletion body, CurrentViewer current, DeleteOneToOne delete, CancellationToken ct) =>
            ChangeAsync(current, "meeting", id, scope => delete.HandleAsync(scope, id, body.Version, body.Why, ct), ct))
            .WithSummary("Deletes a 1:1 record (softly, with a reason; kept for administrators)");
    }

    private static OneToOneResponse Response(GetOneToOne.View v) => new(v.Meeting.Id, v.Meeting.StudentId, v.Student, v.Meeting.HeldOn, v.HeldBy, v.Meeting.Notes,
        v.Meeting.StudentView, v.Meeting.Version, [.. v.Set.Select(Target)], [.. v.Reviewed.Select(Target)]);

    private static TargetResponse Target(PlanTarget t) => new(t.Id, t.Text, t.Owner.ToString(), t.OwnerName, t.Due, t.Status.ToString(), t.ReviewNote, t.Version);
}

using Caseload.Core.Domain;
using Caseload.Core.Features.References;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>Applications and references under <c>/api/v1</c>, with the pages' rules (decision 0021): drafted by the
/// student's tutor or senior tutor, checked and released by the senior tutor, each contribution read and written by the
/// teacher asked alone. Never for the student, never for administrators.</summary>
internal static class ReferencesEndpoints
{
    public sealed record StartBody(int CycleId, ApplicationRoute Route, bool EarlyDeadline);

    public sealed record AskBody(int Version, DateOnly DueOn);

    public sealed record DraftBody(int Version, string? Extenuating, string? Supportive, bool Ready);

    public sealed record PredictBody(int Version, long ContributionId, string Grade);

    public sealed record StepBody(int Version, CheckReference.Step Step);

    public sealed record ContributionBody(int Version, string? Text, string? PredictedGrade);

    public sealed record ReferenceLine(long Id, int StudentId, string Student, string? Group, string Route, string Status, DateOnly Deadline, int Asked, int In, bool ToCheck);

    public sealed record AskLine(long Id, string Student, string Course, DateOnly DueOn, bool Sent);

    public sealed record ReferencesResponse(IReadOnlyList<ReferenceLine> References, IReadOnlyList<AskLine> ContributionsAskedOfYou);

    public sealed record CourseLine(string Course, string? Teacher, string? Current, string? Target, long? ContributionId, string? Predicted, bool PredictedByTutor, string? Words,
        DateOnly? DueOn, DateTime? SubmittedAt);

    public sealed record ReferenceResponse(long Id, int StudentId, string Student, string Cycle, string Route, string Status, DateOnly Deadline, string? CentreStatement,
        string? Extenuating, string? Supportive, int Length, int LengthLimit, bool PredictionsSignedOff, IReadOnlyList<CourseLine> Courses, bool YouCheck, int Version);

    public sealed record ContributionResponse(long Id, string Student, string Course, string Qualification, string? Current, string? Target, IReadOnlyList<string> Grades,
        DateOnly DueOn, string? Text, string? PredictedGrade, DateTime? SubmittedAt, bool Locked, int Version);

    public static void MapReferencesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: references");

        api.MapGet("/references", (CurrentViewer current, ListReferences list, CancellationToken ct) =>
            RunAsync<Ok<ReferencesResponse>>(current, async scope =>
            {
                var r = await list.HandleAsync(scope, ct);
                return TypedResults.Ok(new ReferencesResponse(
                    [.. r.Applications.Select(a => new ReferenceLine(a.Id, a.StudentId, a.Student, a.Group, ReferenceWords.Describe(a.Route), ReferenceWords.Describe(a.Status), a.Deadline, a.Asked, a.In, a.ToCheck))],
                    [.. r.Contributions.Select(c => new AskLine(c.Id, c.Student, c.Course, c.DueOn, c.SubmittedAt is not null))]));
            }, ct))
            .WithSummary("References the caller writes or checks, by deadline, and the contributions asked of them");
        api.MapPost("/students/{id:int}/applications", (int id, StartBody body, CurrentViewer current, StartApplication start, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope => await start.HandleAsync(scope, id, body.CycleId, body.Route, body.EarlyDeadline, ct) is { } a
                ? CreatedAt($"{ApiV1.Prefix}/references/{a.Id}", a.Id) : NotFound("student", id), ct))
            .WithSummary("Starts a student's application and reference in a cycle (their tutor or senior tutor)");
        api.MapGet("/references/{id:long}", (long id, CurrentViewer current, GetApplication get, CancellationToken ct) =>
            RunAsync<Ok<ReferenceResponse>>(current, async scope => await get.HandleAsync(scope, id, ct) is { } v ? TypedResults.Ok(Response(v)) : NotFound("reference", id), ct))
            .WithSummary("One reference: each course's teacher, current and target grades, prediction and words; the sections and their length against 4,000");
        api.MapPost("/references/{id:long}/contributions", (long id, AskBody body, CurrentViewer current, RequestContributions ask, CancellationToken ct) =>
            RunAsync<Ok<int>>(current, async scope => await ask.HandleAsync(scope, id, body.Version, body.DueOn, ct) is { } n ? TypedResults.Ok(n) : NotFound("reference", id), ct))
            .WithSummary("Asks every course's teacher for a contribution by a date; answers how many were asked");
        api.MapPost("/references/{id:long}/predictions", (long id, PredictBody body, CurrentViewer current, DraftReference draft, CancellationToken ct) =>
            ChangeAsync(current, "reference", id, scope => draft.PredictAsync(scope, id, body.Version, body.ContributionId, body.Grade, ct), ct))
            .WithSummary("The tutor's predicted grade for a course whose teacher has not replied");
        api.MapPost("/references/{id:long}/sign-off", (long id, Versioned body, CurrentViewer current, DraftReference draft, CancellationToken ct) =>
            ChangeAsync(current, "reference", id, scope => draft.SignOffPredictionsAsync(scope, id, body.Version, ct), ct))
            .WithSummary("Signs off the predicted grades (every one must be in)");
        api.MapPut("/references/{id:long}/draft", (long id, DraftBody body, CurrentViewer current, DraftReference draft, CancellationToken ct) =>
            ChangeAsync(current, "reference", id, scope => draft.HandleAsync(scope, id, body.Version, body.Extenuating, body.Supportive, body.Ready, ct), ct))
            .WithSummary("Saves sections 2 and 3 (refused over 4,000 characters with section 1); ready: sends it to the senior tutor");
        api.MapPost("/references/{id:long}/steps", (long id, StepBody body, CurrentViewer current, CheckReference check, CancellationToken ct) =>
            ChangeAsync(current, "reference", id, scope => check.HandleAsync(scope, id, body.Version, body.Step, ct), ct))
            .WithSummary("Check, Release or SendBack: the student's senior tutor");
        api.MapGet("/references/contributions/{id:long}", (long id, CurrentViewer current, WriteContribution write, CancellationToken ct) =>
            RunAsync<Ok<ContributionResponse>>(current, async scope => await write.GetAsync(scope.Viewer, id, ct) is { } v
                ? TypedResults.Ok(new ContributionResponse(v.Contribution.Id, v.Student, v.Course, v.Qualification, v.Current, v.Target, v.Grades, v.Contribution.DueOn,
                    v.Contribution.Text, v.Contribution.PredictedGrade, v.Contribution.SubmittedAt, v.Locked, v.Contribution.Version))
                : NotFound("contribution", id), ct))
            .WithSummary("A contribution asked of the caller: the student's current and target grades, the course's scale");
        api.MapPut("/references/contributions/{id:long}", (long id, ContributionBody body, CurrentViewer current, WriteContribution write, CancellationToken ct) =>
            ChangeAsync(current, "contribution", id, scope => write.HandleAsync(scope.Viewer, id, body.Version, body.Text, body.PredictedGrade, ct), ct))
            .WithSummary("Sends the caller's contribution: up to 1,000 characters and a predicted grade on the course's scale");
    }

    private static ReferenceResponse Response(GetApplication.View v)
    {
        var a = v.Application;
        return new ReferenceResponse(a.Id, a.StudentId, v.Student, v.Cycle.Name, ReferenceWords.Describe(a.Route), ReferenceWords.Describe(a.Status), v.Deadline,
            v.Ucas ? v.Cycle.CentreStatement : null, a.Extenuating, a.Supportive, v.Length, Application.ReferenceLength, a.PredictionsSignedOffAt is not null,
            [.. v.Courses.Select(c => new CourseLine(c.Name, c.Teacher, c.Current, c.Target, c.ContributionId, c.Predicted, c.PredictedByTutor, c.Words, c.DueOn, c.SubmittedAt))],
            v.MayCheck, a.Version);
    }
}

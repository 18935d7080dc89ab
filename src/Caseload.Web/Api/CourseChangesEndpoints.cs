using Caseload.Core.Domain;
using Caseload.Core.Features.CourseChanges;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>Course changes under <c>/api/v1</c>, with the pages' rules: requested by pastoral staff, authorised by the
/// student's senior tutor or a senior leader (never the requester), actioned by an administrator.</summary>
internal static class CourseChangesEndpoints
{
    public sealed record ChangeRequest(CourseChangeKind Kind, string? FromCourse, string? ToCourse, int ReasonId, string Details, string? StudentView, string? ParentView);

    public sealed record Decision(int Version, string? Note);

    public sealed record Actioning(int Version, DateOnly On, bool Confirm);

    public sealed record ChangeLine(long Id, int StudentId, string Student, string Change, string Kind, string Reason, string Status, DateTime RequestedAt,
        string RequestedBy, DateOnly? EffectiveOn, bool WaitingForYou);

    public sealed record CourseLine(string Code, string Name, int? PlannedHours, string Change, DateOnly DayFortyTwo, bool DayFortyTwoPassed);

    public sealed record EffectResponse(IReadOnlyList<CourseLine> Courses, int PlannedHoursBefore, int PlannedHoursAfter, int FundedHours, string BandBefore,
        string BandAfter, DateOnly ProgrammeDayFortyTwo, IReadOnlyList<string> Warnings);

    public sealed record ChangeResponse(long Id, int StudentId, string Student, string Change, string Kind, string? FromCourse, string? ToCourse, string Reason,
        int IlrReasonCode, string Details, string? StudentView, string? ParentView, string Status, DateTime RequestedAt, string RequestedBy,
        DateTime? DecidedAt, string? DecidedBy, string? DecisionNote, DateTime? ActionedAt, string? ActionedBy, DateOnly? EffectiveOn, EffectResponse Effect, int Version);

    public sealed record ReasonLine(int Id, string Name, int IlrCode);

    public static void MapCourseChangesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: course changes");

        api.MapGet("/course-changes", (CurrentViewer current, ListCourseChanges list, CancellationToken ct) =>
            RunAsync<Ok<IReadOnlyList<ChangeLine>>>(current, async scope => TypedResults.Ok<IReadOnlyList<ChangeLine>>([.. (await list.HandleAsync(scope, null, ct))
                .Select(l => new ChangeLine(l.Id, l.StudentId, l.Student, l.Summary, l.Kind.ToString(), l.Reason, l.Status.ToString(), l.RequestedAt, l.RequestedBy, l.EffectiveOn, l.WaitingForYou))]), ct))
            .WithSummary("Course changes of the students whose pastoral record the caller sees, those waiting for them first");
        api.MapGet("/course-changes/reasons", (CurrentViewer current, ChangeReasons reasons, CancellationToken ct) =>
            RunAsync<Ok<IReadOnlyList<ReasonLine>>>(current, async scope => TypedResults.Ok<IReadOnlyList<ReasonLine>>([.. (await reasons.ListAsync(scope.Viewer.InstitutionId, activeOnly: true, ct))
                .Select(r => new ReasonLine(r.Id, r.Name, r.IlrCode))]), ct))
            .WithSummary("The institution's reasons for a course change, each with its ILR withdrawal reason code");
        api.MapPost("/students/{id:int}/course-changes", (int id, ChangeRequest body, CurrentViewer current, RequestCourseChange request, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope => await request.HandleAsync(scope,
                new RequestCourseChange.Request(id, body.Kind, body.FromCourse, body.ToCourse, body.ReasonId, body.Details, body.StudentView, body.ParentView), ct) is { } c
                ? CreatedAt($"{ApiV1.Prefix}/course-changes/{c.Id}", c.Id) : NotFound("student", id), ct))
            .WithSummary("Requests a course change for a student whose pastoral record the caller sees");
        api.MapGet("/course-changes/{id:long}", (long id, CurrentViewer current, GetCourseChange get, CancellationToken ct) =>
            RunAsync<Ok<ChangeResponse>>(current, async scope => await get.HandleAsync(scope, id, ct) is { } v ? TypedResults.Ok(Response(v)) : NotFound("course change", id), ct))
            .WithSummary("One course change with its effect on planned hours, the funding band and day 42");
        api.MapPost("/course-changes/{id:long}/authorise", (long id, Decision body, CurrentViewer current, DecideCourseChange decide, CancellationToken ct) =>
            ChangeAsync(current, "course change", id, scope => decide.HandleAsync(scope, id, body.Version, authorise: true, body.Note, ct), ct))
            .WithSummary("Authorises a requested change: the student's senior tutor or a senior leader, never the requester");
        api.MapPost("/course-changes/{id:long}/refuse", (long id, Decision body, CurrentViewer current, DecideCourseChange decide, CancellationToken ct) =>
            ChangeAsync(current, "course change", id, scope => decide.HandleAsync(scope, id, body.Version, authorise: false, body.Note, ct), ct))
            .WithSummary("Refuses a requested change, with why");
        api.MapPost("/course-changes/{id:long}/action", (long id, Actioning body, CurrentViewer current, ActionCourseChange action, CancellationToken ct) =>
            ChangeAsync(current, "course change", id, scope => action.HandleAsync(scope, id, body.Version, body.On, body.Confirm, ct), ct))
            .WithSummary("Actions an authorised change on a date (the last day of attendance, or the first on a course joined): administrators");
        api.MapPost("/course-changes/{id:long}/cancel", (long id, Versioned body, CurrentViewer current, CancelCourseChange cancel, CancellationToken ct) =>
            ChangeAsync(current, "course change", id, scope => cancel.HandleAsync(scope, id, body.Version, ct), ct))
            .WithSummary("Cancels a request not yet actioned: its requester or an administrator");
    }

    private static ChangeResponse Response(GetCourseChange.View v)
    {
        var c = v.Change;
        var e = v.Effect;
        var effect = new EffectResponse([.. e.Courses.Select(l => new CourseLine(l.Course.Code, l.Course.Name, l.Course.Hours, l.Leaving ? "leaves" : l.Joining ? "joins" : "stays",
            l.DayFortyTwo, l.Passed))], e.PlannedBefore, e.PlannedAfter, e.FundedAfter, e.BandBefore, e.BandAfter, e.ProgrammeDayFortyTwo, e.Warnings);
        return new ChangeResponse(c.Id, c.StudentId, v.Student, v.Summary, c.Kind.ToString(), v.From, v.To, v.Reason, v.ReasonCode, c.Details, c.StudentView, c.ParentView,
            c.Status.ToString(), c.RequestedAt, v.Name(c.RequestedByStaffId)!, c.DecidedAt, v.Name(c.DecidedByStaffId), c.DecisionNote, c.ActionedAt,
            v.Name(c.ActionedByStaffId), c.EffectiveOn, effect, c.Version);
    }
}

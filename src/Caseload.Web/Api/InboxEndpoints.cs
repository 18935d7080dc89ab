using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.Students;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>The caller's inbox and a student's timeline under <c>/api/v1</c>.</summary>
internal static class InboxEndpoints
{
    public sealed record InboxItemResponse(string Kind, string Link, int StudentId, string Student, string Text, DateOnly When);
    public sealed record TimelineEntryResponse(DateOnly Happened, DateTime? Recorded, string Kind, string Text, string Link);

    public static void MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: inbox");

        api.MapGet("/inbox", (CurrentViewer current, GetInbox inbox, TimeProvider clock, CancellationToken ct) =>
            RunAsync<Ok<InboxItemResponse[]>>(current, async scope => TypedResults.Ok((await inbox.HandleAsync(scope, clock.Today(), ct)).Items
                .Select(i => new InboxItemResponse(i.Kind.ToString(), i.Link, i.StudentId, i.Student, i.Text, i.When)).ToArray()), ct))
            .WithSummary("My inbox: what needs the caller (referrals, cases handed over, reviews, actions, 1:1s, calls home, suggested cases)");

        api.MapGet("/students/{id:int}/timeline", (int id, CurrentViewer current, GetStudentProfile profiles, TimeProvider clock, CancellationToken ct) =>
            RunAsync<Ok<TimelineEntryResponse[]>>(current, async scope =>
                await profiles.HandleAsync(scope, id, clock.Today(), GetStudentProfile.Sections.Timeline, ct) is { View: StudentView.Pastoral } p
                    ? TypedResults.Ok(p.Timeline.Select(e => new TimelineEntryResponse(e.Happened, e.Recorded, e.Kind.ToString(), e.Text, e.Link)).ToArray())
                    : NotFound("student", id), ct))
            .WithSummary("A student's timeline, newest first: casework, referrals the caller may read, 1:1s, contact home, behaviour, grades and attendance alerts");
    }
}

using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Casework;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;

namespace Caseload.Web.Api;

/// <summary>
/// Casework under <c>/api/v1</c>: the same use cases, rules and access as the pages. Changes take JSON and the version the
/// caller last saw; a stale version is 409 with who changed it, bad input 400 with what was wrong and what was expected,
/// and anything the caller may not see 404. Restricted referrals follow the same rule as the pages: the safeguarding
/// team only, every read audited.
/// </summary>
internal static class ApiCasework
{
    public sealed record OpenCase(int Stage, CaseReason Reason, string Summary);
    public sealed record Move(int Version, int Stage, string Why);
    public sealed record Note(int Version, string Text);
    public sealed record NewAction(int Version, string What, string Who, DateOnly Due);
    public sealed record Versioned(int Version);
    public sealed record Correction(int Version, string Text, string? Extra);
    public sealed record Deletion(int Version, string Why);
    public sealed record Raise(ReferralCategory Category, Urgency Urgency, string What);
    public sealed record LogContact(ContactMethod Method, bool Positive, string With, DateOnly On, string Summary, string? Outcome);
    public sealed record RecordIncident(DateOnly On, string Category, string Description, string? Location, IReadOnlyList<BehaviourRecords.Involved> Students);

    public sealed record CaseResponse(long Id, int StudentId, string Student, int Stage, string StageName, string Reason, string Summary, string Status,
        string? Owner, DateOnly OpenedOn, DateOnly NextReview, string? Outcome, int Version, IReadOnlyList<ActionResponse> Actions, IReadOnlyList<EventResponse> History);
    public sealed record ActionResponse(long Id, string What, string Who, DateOnly Due, bool Done, int Version);
    public sealed record EventResponse(DateTime At, string By, string Kind, string Text);
    public sealed record ReferralResponse(long Id, int StudentId, string Student, string Category, string Urgency, string Status, bool Restricted, string Access,
        DateTime RaisedAt, string RaisedBy, string SentTo, string? What, string? ActionTaken, string? Outcome, DateTime? AcknowledgedAt, DateTime? ActedAt, DateTime? ClosedAt, int Version);
    public sealed record InboxItemResponse(string Kind, string Link, int StudentId, string Student, string Text, DateOnly When);
    public sealed record TimelineEntryResponse(DateOnly Happened, DateTime? Recorded, string Kind, string Text, string Link);
    public sealed record Created(long Id, string Location);

    public static void MapApiCasework(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: casework");

        api.MapGet("/inbox", async (CurrentViewer current, GetInbox inbox, TimeProvider clock, CancellationToken ct) =>
            await WithScope(current, async scope => Results.Ok((await inbox.HandleAsync(scope, Today(clock), ct)).Items
                .Select(i => new InboxItemResponse(i.Kind.ToString(), i.Link, i.StudentId, i.Student, i.Text, i.When)))))
            .WithSummary("My inbox: what needs the caller (referrals, cases handed over, reviews, actions, 1:1s, calls home, suggested cases)");

        api.MapGet("/students/{id:int}/timeline", async (int id, CurrentViewer current, Core.Features.Students.GetStudentProfile profiles, TimeProvider clock, CancellationToken ct) =>
            await WithScope(current, async scope => await profiles.HandleAsync(scope, id, Today(clock), Core.Features.Students.GetStudentProfile.Sections.Timeline, ct) is { View: StudentView.Pastoral } p
                ? Results.Ok(p.Timeline.Select(e => new TimelineEntryResponse(e.Happened, e.Recorded, e.Kind.ToString(), e.Text, e.Link)))
                : NotFound("student", id)))
            .WithSummary("A student's timeline, newest first: casework, referrals the caller may read, 1:1s, contact home, behaviour, grades and attendance alerts");

        api.MapGet("/students/{id:int}/cases", async (int id, CurrentViewer current, Cases cases, CancellationToken ct) =>
            await WithScope(current, async scope => Results.Ok((await cases.ForStudentAsync(scope, id, ct)).Select(c => new { c.Id, c.Stage, Reason = c.Reason.ToString(), c.Summary, Status = c.Status.ToString(), c.NextReview, c.Version }))))
            .WithSummary("A student's cases (pastoral viewers; an empty list otherwise)");

        api.MapPost("/students/{id:int}/cases", async (int id, OpenCase body, CurrentViewer current, Cases cases, CancellationToken ct) =>
            await WithScope(current, async scope => await cases.OpenAsync(scope, new Cases.Open(id, body.Stage, body.Reason, body.Summary), ct) is { } c
                ? Results.Created($"{ApiV1.Prefix}/cases/{c.Id}", new Created(c.Id, $"{ApiV1.Prefix}/cases/{c.Id}")) : NotFound("student", id)))
            .WithSummary("Opens a case on a student at a stage, for a reason");

        api.MapGet("/cases/{id:long}", async (long id, CurrentViewer current, Cases cases, CancellationToken ct) =>
            await WithScope(current, async scope => await cases.GetAsync(scope, id, ct) is { } d ? Results.Ok(Case(d)) : NotFound("case", id)))
            .WithSummary("A case with its actions and its whole history, in order");
        api.MapPost("/cases/{id:long}/moves", (long id, Move body, CurrentViewer current, Cases cases, CancellationToken ct) =>
            Change(current, "case", id, scope => cases.MoveAsync(scope, id, body.Version, body.Stage, body.Why, ct)))
            .WithSummary("Escalates or de-escalates a case with a written reason (the new stage's owner takes it over)");
        api.MapPost("/cases/{id:long}/take", (long id, Versioned body, CurrentViewer current, Cases cases, CancellationToken ct) =>
            Change(current, "case", id, scope => cases.TakeAsync(scope, id, body.Version, ct)))
            .WithSummary("A senior leader takes a case waiting at a stage the senior leadership team owns (Stage 5+): it becomes theirs");
        api.MapPost("/cases/{id:long}/reviews", (long id, Note body, CurrentViewer current, Cases cases, CancellationToken ct) =>
            Change(current, "case", id, scope => cases.ReviewAsync(scope, id, body.Version, body.Text, ct)))
            .WithSummary("Records a review (the next review date moves on)");
        api.MapPost("/cases/{id:long}/actions", (long id, NewAction body, CurrentViewer current, Cases cases, CancellationToken ct) =>
            Change(current, "case", id, scope => cases.AddActionAsync(scope, id, body.Version, body.What, body.Who, body.Due, ct)))
            .WithSummary("Adds an action: what, who, by when");
        api.MapPost("/cases/{id:long}/close", (long id, Note body, CurrentViewer current, Cases cases, CancellationToken ct) =>
            Change(current, "case", id, scope => cases.CloseAsync(scope, id, body.Version, body.Text, ct)))
            .WithSummary("Closes a case with its outcome");

        api.MapGet("/referrals", async (CurrentViewer current, Referrals referrals, CancellationToken ct) =>
            await WithScope(current, async scope => Results.Ok(await referrals.ListAsync(scope, ct))))
            .WithSummary("Referrals sent to the caller or their team, and those they raised (restricted ones without their words)");
        api.MapPost("/students/{id:int}/referrals", async (int id, Raise body, CurrentViewer current, Referrals referrals, CancellationToken ct) =>
            await WithScope(current, async scope => await referrals.RaiseAsync(scope, new Referrals.Raise(id, body.Category, body.Urgency, body.What), ct) is { } r
                ? Results.Created($"{ApiV1.Prefix}/referrals/{r.Id}", new Created(r.Id, $"{ApiV1.Prefix}/referrals/{r.Id}")) : NotFound("student", id)))
            .WithSummary("Raises a referral or concern about a student the caller can see; routed by category");
        api.MapGet("/referrals/{id:long}", async (long id, CurrentViewer current, Referrals referrals, CancellationToken ct) =>
            await WithScope(current, async scope => await referrals.GetAsync(scope, id, ct) is { } v ? Results.Ok(Referral(v)) : NotFound("referral", id)))
            .WithSummary("One referral: in full for those who may read it (a restricted one's read is audited), a receipt for its referrer");
        api.MapPost("/referrals/{id:long}/acknowledge", (long id, Versioned body, CurrentViewer current, Referrals referrals, CancellationToken ct) =>
            Change(current, "referral", id, scope => referrals.AcknowledgeAsync(scope, id, body.Version, ct)));
        api.MapPost("/referrals/{id:long}/actions", (long id, Note body, CurrentViewer current, Referrals referrals, CancellationToken ct) =>
            Change(current, "referral", id, scope => referrals.ActAsync(scope, id, body.Version, body.Text, ct)));
        api.MapPost("/referrals/{id:long}/close", (long id, Note body, CurrentViewer current, Referrals referrals, CancellationToken ct) =>
            Change(current, "referral", id, scope => referrals.CloseAsync(scope, id, body.Version, body.Text, ct)));

        api.MapGet("/one-to-ones", async (CurrentViewer current, OneToOnes oneToOnes, TimeProvider clock, CancellationToken ct) =>
            await WithScope(current, async scope => Results.Ok(await oneToOnes.ScheduleAsync(scope, Today(clock), ct: ct))))
            .WithSummary("The caller's students' 1:1 schedule, soonest due first");
        api.MapPost("/students/{id:int}/one-to-ones", async (int id, OneToOnes.Record body, CurrentViewer current, OneToOnes oneToOnes, CancellationToken ct) =>
            await WithScope(current, async scope => await oneToOnes.RecordAsync(scope, body with { StudentId = id }, ct) is { } m
                ? Results.Created($"{ApiV1.Prefix}/one-to-ones/{m}", new Created(m, $"{ApiV1.Prefix}/one-to-ones/{m}")) : NotFound("student", id)))
            .WithSummary("Records a 1:1: notes, the student's view, targets reviewed (with the versions last seen) and set");
        api.MapGet("/one-to-ones/{id:long}", async (long id, CurrentViewer current, OneToOnes oneToOnes, CancellationToken ct) =>
            await WithScope(current, async scope => await oneToOnes.MeetingAsync(scope, id, ct) is { } m ? Results.Ok(m) : NotFound("meeting", id)));

        api.MapGet("/students/{id:int}/parent-contacts", async (int id, CurrentViewer current, ParentContacts contacts, CancellationToken ct) =>
            await WithScope(current, async scope => Results.Ok((await contacts.ForStudentAsync(scope, id, ct)).Select(l => new { l.Contact.Id, Method = l.Contact.Method.ToString(), l.Contact.Positive, l.Contact.With, l.Contact.On, l.Contact.Summary, l.Contact.Outcome, l.By, l.Contact.Version }))));
        api.MapPost("/parent-contacts/{id:long}/corrections", (long id, Correction body, CurrentViewer current, ParentContacts contacts, CancellationToken ct) =>
            Change(current, "contact", id, scope => contacts.EditAsync(scope, id, body.Version, body.Text, body.Extra, ct)))
            .WithSummary("Corrects a contact's summary (text) and outcome (extra); the previous text stays in the audit log");
        api.MapPost("/parent-contacts/{id:long}/delete", (long id, Deletion body, CurrentViewer current, ParentContacts contacts, CancellationToken ct) =>
            Change(current, "contact", id, scope => contacts.DeleteAsync(scope, id, body.Version, body.Why, ct)))
            .WithSummary("Deletes a contact (softly, with a reason; kept for administrators)");
        api.MapPost("/one-to-ones/{id:long}/corrections", (long id, Correction body, CurrentViewer current, OneToOnes oneToOnes, CancellationToken ct) =>
            Change(current, "meeting", id, scope => oneToOnes.EditAsync(scope, id, body.Version, body.Text, body.Extra, ct)))
            .WithSummary("Corrects a 1:1's notes (text) and the student's view (extra); the previous text stays in the audit log");
        api.MapPost("/one-to-ones/{id:long}/delete", (long id, Deletion body, CurrentViewer current, OneToOnes oneToOnes, CancellationToken ct) =>
            Change(current, "meeting", id, scope => oneToOnes.DeleteAsync(scope, id, body.Version, body.Why, ct)))
            .WithSummary("Deletes a 1:1 record (softly, with a reason; kept for administrators)");
        api.MapPost("/students/{id:int}/parent-contacts", async (int id, LogContact body, CurrentViewer current, ParentContacts contacts, CancellationToken ct) =>
            await WithScope(current, async scope => await contacts.LogAsync(scope, new ParentContacts.Log(id, body.Method, body.Positive, body.With, body.On, body.Summary, body.Outcome), ct) is { } c
                ? Results.Created($"{ApiV1.Prefix}/students/{id}/parent-contacts", new Created(c.Id, $"{ApiV1.Prefix}/students/{id}/parent-contacts")) : NotFound("student", id)))
            .WithSummary("Logs a contact with a student's parents or carers");

        api.MapPost("/incidents", async (RecordIncident body, CurrentViewer current, BehaviourRecords behaviour, CancellationToken ct) =>
            await WithScope(current, async scope => await behaviour.RecordIncidentAsync(scope, new BehaviourRecords.Incident(body.On, body.Category, body.Description, body.Location, body.Students), ct) is { } i
                ? Results.Created($"{ApiV1.Prefix}/incidents/{i}", new Created(i, $"{ApiV1.Prefix}/incidents/{i}")) : NotFound("student", 0)))
            .WithSummary("Records a behaviour incident with every student in one role (a victim is never a perpetrator)");
        api.MapGet("/behaviour/log", async (CurrentViewer current, BehaviourRecords behaviour, TimeProvider clock, CancellationToken ct) =>
            await WithScope(current, async scope => Results.Ok(await behaviour.DailyLogAsync(scope, Today(clock), ct))))
            .WithSummary("The daily behaviour log (progress leaders, senior leaders, administrators)");
    }

    private static CaseResponse Case(Cases.Detail d) => new(d.Case.Id, d.Case.StudentId, d.Student, d.Case.Stage, d.StageName, d.Case.Reason.ToString(), d.Case.Summary,
        d.Case.Status.ToString(), d.Owner, d.Case.OpenedOn, d.Case.NextReview, d.Case.Outcome, d.Case.Version,
        [.. d.Case.Actions.Select(a => new ActionResponse(a.Id, a.What, a.Who, a.Due, a.Done, a.Version))],
        [.. d.History.Select(e => new EventResponse(e.At, d.People.GetValueOrDefault(e.By, e.By), e.Kind.ToString(), e.Text))]);

    private static ReferralResponse Referral(Referrals.View v)
    {
        var r = v.Referral;
        var full = v.Access == Referrals.Access.Full;
        return new ReferralResponse(r.Id, r.StudentId, v.Student, r.Category.ToString(), r.Urgency.ToString(), r.Status.ToString(), r.Restricted, v.Access.ToString(),
            r.RaisedAt, v.RaisedBy, v.To, r.Restricted && !full ? null : r.What, full ? r.ActionTaken : null, full ? r.Outcome : null,
            r.AcknowledgedAt, r.ActedAt, r.ClosedAt, r.Version);
    }

    private static async Task<IResult> WithScope(CurrentViewer current, Func<StudentScope, Task<IResult>> work)
    {
        var scope = await current.ScopeAsync(default);
        if (scope is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "Sign in at /sign-in; the API uses the same session as the pages.");
        }
        return await work(scope);
    }

    private static Task<IResult> Change(CurrentViewer current, string what, long id, Func<StudentScope, Task<bool>> change) =>
        WithScope(current, async scope => await change(scope) ? Results.NoContent() : NotFound(what, id));

    private static IResult NotFound(string what, long id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
        detail: id == 0 ? $"There is no {what} you may see." : $"There is no {what} {id} you may see.");

    private static DateOnly Today(TimeProvider clock) => clock.Today();
}

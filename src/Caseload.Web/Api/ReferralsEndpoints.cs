using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>Referrals and concerns under <c>/api/v1</c>. Restricted referrals follow the same rule as the pages: the
/// safeguarding team only, every read audited; their referrer gets a receipt without the words.</summary>
internal static class ReferralsEndpoints
{
    public sealed record RaiseRequest(ReferralCategory Category, Urgency Urgency, string What);

    public sealed record ReferralLine(long Id, int StudentId, string Student, string Category, string Urgency, string Status, DateTime RaisedAt,
        string RaisedBy, string? What, DateTime? AcknowledgedAt, DateTime? ActedAt);
    public sealed record ReferralLists(IReadOnlyList<ReferralLine> Received, IReadOnlyList<ReferralLine> RaisedByYou);
    public sealed record ReferralResponse(long Id, int StudentId, string Student, string Category, string Urgency, string Status, bool Restricted, string Access,
        DateTime RaisedAt, string RaisedBy, string SentTo, string? What, string? ActionTaken, string? Outcome, DateTime? AcknowledgedAt, DateTime? ActedAt,
        DateTime? ClosedAt, int Version);

    public static void MapReferralsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: referrals");

        api.MapGet("/referrals", (CurrentViewer current, ListReferrals list, CancellationToken ct) =>
            RunAsync<Ok<ReferralLists>>(current, async scope =>
            {
                var l = await list.HandleAsync(scope, ct);
                return TypedResults.Ok(new ReferralLists([.. l.Received.Select(Line)], [.. l.RaisedByYou.Select(Line)]));
            }, ct))
            .WithSummary("Referrals sent to the caller or their team, and those they raised (restricted ones without their words)");
        api.MapPost("/students/{id:int}/referrals", (int id, RaiseRequest body, CurrentViewer current, RaiseReferral raise, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope => await raise.HandleAsync(scope, new RaiseReferral.Request(id, body.Category, body.Urgency, body.What), ct) is { } r
                ? CreatedAt($"{ApiV1.Prefix}/referrals/{r.Id}", r.Id) : NotFound("student", id), ct))
            .WithSummary("Raises a referral or concern about a student the caller can see; routed by category");
        api.MapGet("/referrals/{id:long}", (long id, CurrentViewer current, GetReferral get, CancellationToken ct) =>
            RunAsync<Ok<ReferralResponse>>(current, async scope => await get.HandleAsync(scope, id, ct) is { } v ? TypedResults.Ok(Response(v)) : NotFound("referral", id), ct))
            .WithSummary("One referral: in full for those who may read it (a restricted one's read is audited), a receipt for its referrer");
        api.MapPost("/referrals/{id:long}/acknowledge", (long id, Versioned body, CurrentViewer current, AcknowledgeReferral acknowledge, CancellationToken ct) =>
            ChangeAsync(current, "referral", id, scope => acknowledge.HandleAsync(scope, id, body.Version, ct), ct))
            .WithSummary("Acknowledges a referral routed to the caller or their team");
        api.MapPost("/referrals/{id:long}/actions", (long id, Note body, CurrentViewer current, ActOnReferral act, CancellationToken ct) =>
            ChangeAsync(current, "referral", id, scope => act.HandleAsync(scope, id, body.Version, body.Text, ct), ct))
            .WithSummary("Records what was done about a referral");
        api.MapPost("/referrals/{id:long}/close", (long id, Note body, CurrentViewer current, CloseReferral close, CancellationToken ct) =>
            ChangeAsync(current, "referral", id, scope => close.HandleAsync(scope, id, body.Version, body.Text, ct), ct))
            .WithSummary("Closes a referral with its outcome");
    }

    private static ReferralLine Line(ListReferrals.Line l) => new(l.Id, l.StudentId, l.Student, l.Category.ToString(), l.Urgency.ToString(), l.Status.ToString(),
        l.RaisedAt, l.RaisedBy, l.What, l.AcknowledgedAt, l.ActedAt);

    private static ReferralResponse Response(GetReferral.View v)
    {
        var r = v.Referral;
        var full = v.Access == ReferralAccess.Level.Full;
        return new ReferralResponse(r.Id, r.StudentId, v.Student, r.Category.ToString(), r.Urgency.ToString(), r.Status.ToString(), r.Restricted, v.Access.ToString(),
            r.RaisedAt, v.RaisedBy, v.To, r.Restricted && !full ? null : r.What, full ? r.ActionTaken : null, full ? r.Outcome : null,
            r.AcknowledgedAt, r.ActedAt, r.ClosedAt, r.Version);
    }
}

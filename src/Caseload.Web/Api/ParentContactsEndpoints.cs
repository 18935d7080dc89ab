using Caseload.Core.Domain;
using Caseload.Core.Features.ParentContacts;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>The contact log with parents and carers under <c>/api/v1</c>.</summary>
internal static class ParentContactsEndpoints
{
    public sealed record LogRequest(ContactMethod Method, bool Positive, string With, DateOnly On, string Summary, string? Outcome);

    public sealed record ContactResponse(long Id, string Method, bool Positive, string With, DateOnly On, string Summary, string? Outcome, string By, int Version);

    public static void MapParentContactsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: parent contacts");

        api.MapGet("/students/{id:int}/parent-contacts", (int id, CurrentViewer current, ListParentContacts list, CancellationToken ct) =>
            RunAsync<Ok<ContactResponse[]>>(current, async scope => TypedResults.Ok((await list.HandleAsync(scope, id, ct))
                .Select(l => new ContactResponse(l.Contact.Id, l.Contact.Method.ToString(), l.Contact.Positive, l.Contact.With, l.Contact.On, l.Contact.Summary,
                    l.Contact.Outcome, l.By, l.Contact.Version)).ToArray()), ct))
            .WithSummary("A student's contacts with parents and carers, newest first (pastoral viewers; an empty list otherwise)");
        api.MapPost("/students/{id:int}/parent-contacts", (int id, LogRequest body, CurrentViewer current, LogParentContact log, CancellationToken ct) =>
            RunAsync<Created<CreatedResponse>>(current, async scope => await log.HandleAsync(scope,
                    new LogParentContact.Request(id, body.Method, body.Positive, body.With, body.On, body.Summary, body.Outcome), ct) is { } c
                ? CreatedAt($"{ApiV1.Prefix}/students/{id}/parent-contacts", c.Id) : NotFound("student", id), ct))
            .WithSummary("Logs a contact with a student's parents or carers");
        api.MapPost("/parent-contacts/{id:long}/corrections", (long id, Correction body, CurrentViewer current, CorrectParentContact correct, CancellationToken ct) =>
            ChangeAsync(current, "contact", id, scope => correct.HandleAsync(scope, id, body.Version, body.Text, body.Extra, ct), ct))
            .WithSummary("Corrects a contact's summary (text) and outcome (extra); the previous text stays in the audit log");
        api.MapPost("/parent-contacts/{id:long}/delete", (long id, Deletion body, CurrentViewer current, DeleteParentContact delete, CancellationToken ct) =>
            ChangeAsync(current, "contact", id, scope => delete.HandleAsync(scope, id, body.Version, body.Why, ct), ct))
            .WithSummary("Deletes a contact (softly, with a reason; kept for administrators)");
    }
}

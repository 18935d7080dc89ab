using Caseload.Core.Features.Search;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Caseload.Web.Api.ApiScope;

namespace Caseload.Web.Api;

/// <summary>Finding students under <c>/api/v1</c>, as the search box on every page does.</summary>
internal static class SearchEndpoints
{
    public sealed record StudentHit(int Id, string Name, string StudentId, string? TutorGroup, string Year, bool OnRoll);
    public sealed record SearchResponse(string Query, int Matched, IReadOnlyList<StudentHit> Students);

    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiV1.Prefix).WithTags("Caseload API v1: search");
        api.MapGet("/students", (string? q, CurrentViewer current, SearchStudents search, CancellationToken ct) =>
            RunAsync<Ok<SearchResponse>>(current, async scope =>
            {
                var r = await search.HandleAsync(scope, q, ct);
                return TypedResults.Ok(new SearchResponse(r.Query, r.Matched, [.. r.Hits.Select(h => new StudentHit(h.Id, h.Name, h.ExternalId, h.TutorGroup, h.Year, h.OnRoll))]));
            }, ct))
            .WithSummary("Students the caller may see matching q: names in any order, part of a name, a student ID, UPN or ULN (at most 25, with how many matched)");
    }
}

using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caseload.Web.Api;

/// <summary>What every endpoint under <c>/api/v1</c> does first: find who is calling (401 when nobody is signed in) and
/// answer "not found" alike for what does not exist and what the caller may not see. The core's refusals (400, 409, 404)
/// are answered once, by <c>CaseloadExceptionHandler</c>.</summary>
internal static class ApiScope
{
    public static async Task<Results<T, ProblemHttpResult>> RunAsync<T>(CurrentViewer current, Func<StudentScope, Task<Results<T, ProblemHttpResult>>> work,
        CancellationToken ct) where T : IResult
    {
        var scope = await current.ScopeAsync(ct);
        return scope is null ? NotSignedIn() : await work((StudentScope)scope);
    }

    /// <summary>A change that answers 204, or 404 when the use case found nothing the caller may change.</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(CurrentViewer current, string what, long id, Func<StudentScope, Task<bool>> change,
        CancellationToken ct) =>
        RunAsync<NoContent>(current, async scope => await change(scope) ? TypedResults.NoContent() : NotFound(what, id), ct);

    public static ProblemHttpResult NotFound(string what, long id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
        detail: id == 0 ? $"There is no {what} you may see." : $"There is no {what} {id} you may see.");

    public static ProblemHttpResult NotSignedIn() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Not signed in", detail: "Sign in at /sign-in; the API uses the same session as the pages.");

    /// <summary>The answer to a POST that made something: where it is now.</summary>
    public sealed record CreatedResponse(long Id, string Location);

    public static Created<CreatedResponse> CreatedAt(string location, long id) => TypedResults.Created(location, new CreatedResponse(id, location));

    /// <summary>The body of a change that needs only the version the caller last saw.</summary>
    public sealed record Versioned(int Version);

    /// <summary>A change with words (a review, an action taken, an outcome) and the version the caller last saw.</summary>
    public sealed record Note(int Version, string Text);

    /// <summary>A correction of a record's main text (and its second one), against the version last seen.</summary>
    public sealed record Correction(int Version, string Text, string? Extra);

    /// <summary>A soft delete, with why.</summary>
    public sealed record Deletion(int Version, string Why);
}

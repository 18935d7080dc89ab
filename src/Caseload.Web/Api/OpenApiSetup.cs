using Microsoft.OpenApi;

namespace Caseload.Web.Api;

/// <summary>The OpenAPI description of <c>/api/v1</c>, served at <c>/openapi/v1.json</c> and shown on the <c>/api</c> page.</summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static void AddCaseloadOpenApi(this IServiceCollection services) => services.AddOpenApi(DocumentName, o =>
    {
        o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Caseload API",
                Version = "v1",
                Description = "Read a caseload and a student's attendance and grades. Sign in at /sign-in first: the API uses the " +
                    "same session cookie and the same access rules as the pages. A student you may not see answers 404, like one " +
                    "that does not exist. Errors are RFC 9457 problem details.\n\n" +
                    "Limits (declared once in the code; a request beyond one is answered 400 naming the field and the limit; text " +
                    "fields also hold at most their column's length, listed in docs/limits.md):\n\n" +
                    string.Join("\n", Core.Domain.Limits.All.Select(l => $"- {l.What}: {l.Value}")),
            };
            return Task.CompletedTask;
        });
    });
}

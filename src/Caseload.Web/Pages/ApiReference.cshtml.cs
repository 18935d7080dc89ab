using Caseload.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Caseload.Web.Pages;

/// <summary>The API reference, read from the same OpenAPI document that <c>/openapi/v1.json</c> serves.</summary>
public sealed class ApiReferenceModel(IServiceProvider services) : PageModel
{
    public sealed record Parameter(string Name, string Where, bool Required, string Type, string? Description);
    public sealed record Answer(string Status, string Description, string? Schema);
    public sealed record Operation(string Method, string Path, string? Summary, string? Description, IReadOnlyList<Parameter> Parameters, IReadOnlyList<Answer> Responses);
    public sealed record Property(string Name, string Type);
    public sealed record Schema(string Name, IReadOnlyList<Property> Properties);

    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public IReadOnlyList<Operation> Operations { get; private set; } = [];
    public IReadOnlyList<Schema> Schemas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiSetup.DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(ct);
        Title = document.Info.Title ?? "API";
        Description = document.Info.Description;
        Operations = [.. (document.Paths ?? [])
            .SelectMany(p => (p.Value.Operations ?? []).Select(o => new Operation(
                o.Key.Method, p.Key, o.Value.Summary, o.Value.Description,
                [.. (o.Value.Parameters ?? []).Select(x => new Parameter(x.Name ?? "", x.In?.ToString().ToLowerInvariant() ?? "", x.Required, TypeOf(x.Schema), x.Description))],
                [.. (o.Value.Responses ?? []).Select(r => new Answer(r.Key, r.Value.Description ?? "",
                    r.Value.Content?.Values.Select(c => TypeOf(c.Schema)).FirstOrDefault()))])))];
        Schemas = [.. (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new Schema(s.Key, [.. (s.Value.Properties ?? new Dictionary<string, IOpenApiSchema>())
                .Select(p => new Property(p.Key, TypeOf(p.Value)))]))];
    }

    private static string TypeOf(IOpenApiSchema? schema) => schema switch
    {
        null => "",
        OpenApiSchemaReference r => r.Reference.Id ?? "object",
        { Type: { } t } when t.HasFlag(JsonSchemaType.Array) => $"array of {TypeOf(schema.Items)}",
        { Type: { } t } => string.Join(" or ", Enum.GetValues<JsonSchemaType>().Where(v => v != 0 && t.HasFlag(v)).Select(v => v.ToString().ToLowerInvariant()))
            + (schema.Format is { } f ? $" ({f})" : ""),
        _ => "any",
    };
}

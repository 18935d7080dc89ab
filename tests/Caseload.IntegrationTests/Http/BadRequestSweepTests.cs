using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Http;

/// <summary>
/// Everything a client can send is answered 4xx, never 500: every route of the app (pages and API, found from the app's
/// own endpoints, so a new one is swept without being listed here), with odd route values, odd query strings, and bodies
/// built from the API's own OpenAPI description — malformed JSON, wrong types, missing fields, NUL and other control
/// characters, huge strings and arrays, deep nesting, multipart and plain text — as an administrator, a tutor and nobody.
/// </summary>
public sealed class BadRequestSweepTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // (A NUL in the path never reaches the app: Kestrel answers 400 itself, and the test server refuses to send it.)
    private static readonly string[] RouteValues = ["1", "0", "-1", "2147483647", "99999999999", "abc", "%E2%80%AE", "%1B"];
    private const string Probe = "probe-7f3a9c";
    private static readonly string[] QueryNames = ["q", "show", "page", "sort", "dir", "from", "to", "on", "studentId", "course", "group", "year", "level", "key", "kind", "status", "tutor", "handler", "returnUrl", "id", "day", "since"];
    private static readonly string[] QueryValues = ["%00", "-1", "99999999999", "not-a-date", "2026-02-30", new string('x', 5000), "%E2%80%AE%1B[31m", "[]"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_request_a_client_can_send_is_answered_with_a_500(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var app = new CaseloadWebFactory(db);
        var clients = new (string Who, HttpClient Http)[]
        {
            ("administrator", await app.SignedInAsync(institution, "T006")),
            ("tutor", await app.SignedInAsync(institution, "T001")),
            ("nobody", app.NewBrowser()),
        };
        var openApi = JsonNode.Parse(await clients[0].Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        // The API's description carries the declared limits.
        Assert.Contains($"Students in one behaviour incident, or given one reward together: {Core.Domain.Limits.StudentsPerIncident}", openApi["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"],
                Form: e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page ? FormOf(page.ViewEnginePath) : null))
            .Where(r => r.Pattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal) && !raw.Contains("{**", StringComparison.Ordinal))
            .GroupBy(r => r.Pattern.RawText).Select(g => (g.First().Pattern, Methods: g.SelectMany(r => r.Methods).Distinct().ToList(), g.First().Form))
            .ToList();
        Assert.True(routes.Count(r => r.Form is { Handlers.Count: > 1 }) > 5, "the pages' handlers were not found");
        Assert.True(routes.Count > 60, $"only {routes.Count} routes found");

        var failures = new List<string>();
        var sent = 0;
        foreach (var (who, http) in clients)
        {
            var token = who == "nobody" ? await TokenAsync(http, "/sign-in") : await TokenAsync(http, "/");
            foreach (var (pattern, methods, form) in routes)
            {
                var values = who == "nobody" ? RouteValues.Take(1) : RouteValues;
                foreach (var value in values)
                {
                    var path = Fill(pattern, value);
                    if (path is null)
                    {
                        continue;
                    }
                    foreach (var method in methods)
                    {
                        foreach (var request in Requests(method, path, form, openApi, token, thorough: who != "nobody" && value == "1"))
                        {
                            sent++;
                            request.Headers.TryAddWithoutValidation("X-Probe", Probe);
                            using var response = await http.SendAsync(request);
                            var body = await response.Content.ReadAsStringAsync();
                            var what = $"{who} {method} {request.RequestUri!.AbsolutePath} [{request.Content?.Headers.ContentType?.MediaType}]";
                            if ((int)response.StatusCode >= 500)
                            {
                                failures.Add($"{what} → {(int)response.StatusCode}");
                            }
                            // Nothing of the request's headers comes back, and no developer's detail.
                            if (body.Contains(Probe, StringComparison.Ordinal) || response.Headers.Any(h => h.Value.Any(v => v.Contains(Probe, StringComparison.Ordinal))))
                            {
                                failures.Add($"{what} → a request header echoed");
                            }
                            if (body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
                            {
                                failures.Add($"{what} → a stack trace or exception shown");
                            }
                            request.Dispose();
                        }
                    }
                }
            }
        }
        output.WriteLine($"{provider}: {sent} requests to {routes.Count} routes; {failures.Count} answered 5xx");
        Assert.True(sent > 3000, $"only {sent} requests sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx or gave too much away:\n{string.Join('\n', failures.GroupBy(f => f).Select(g => $"{g.Count()} × {g.Key}").Take(60))}");
    }

    /// <summary>The route with every parameter set to the value (null when a constraint would not match it, so routing would 404 anyway).</summary>
    private static string? Fill(RoutePattern pattern, string value)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var numeric = parameter.ParameterPolicies.Any(p => p.Content is "int" or "long");
                        if (numeric && !long.TryParse(value, out _))
                        {
                            return null;
                        }
                        path.Append(value);
                        break;
                }
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>A page's form: its POST handlers' names and the names of the fields it binds (found from its page model).</summary>
    private sealed record Form(IReadOnlyList<string> Handlers, IReadOnlyList<string> Fields);

    private static Form? FormOf(string viewEnginePath)
    {
        var type = typeof(Caseload.Web.Security.CurrentViewer).Assembly.GetType("Caseload.Web.Pages" + viewEnginePath.Replace('/', '.') + "Model");
        if (type is null)
        {
            return null;
        }
        var methods = type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)).ToList();
        var handlers = methods.Select(m => m.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal)).Distinct().Append("nope").ToList();
        var bindAll = type.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertiesAttribute), true).Length > 0;
        var fields = new List<string>();
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && (bindAll || p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true).Length > 0)))
        {
            fields.Add(property.Name);
            var inner = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (inner.IsClass && inner != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(inner))
            {
                fields.AddRange(inner.GetProperties().Select(p => $"{property.Name}.{p.Name}"));
            }
        }
        fields.AddRange(methods.SelectMany(m => m.GetParameters()).Where(p => p.ParameterType != typeof(CancellationToken)).Select(p => p.Name!));
        return new Form(handlers, [.. fields.Distinct()]);
    }

    private static IEnumerable<HttpRequestMessage> Requests(string method, string path, Form? page, JsonNode openApi, string token, bool thorough)
    {
        var verb = new HttpMethod(method);
        var isApi = path.StartsWith("/api/", StringComparison.Ordinal);
        if (method is "GET" or "HEAD")
        {
            yield return new HttpRequestMessage(verb, path);
            if (thorough)
            {
                foreach (var value in QueryValues)
                {
                    yield return new HttpRequestMessage(verb, $"{path}?{string.Join('&', QueryNames.Select(n => $"{n}={value}"))}");
                }
            }
            yield break;
        }
        if (!isApi)
        {
            // A page's form: with the anti-forgery token, junk in each of its fields, to each of its handlers (and one it lacks).
            foreach (var handler in thorough && page is not null ? page.Handlers : [""])
            {
                foreach (var value in thorough ? QueryValues : QueryValues.Take(1))
                {
                    var fields = (page?.Fields ?? []).Concat(QueryNames)
                        .Select(n => new KeyValuePair<string, string>(n, Uri.UnescapeDataString(value)))
                        .Append(new("__RequestVerificationToken", token));
                    yield return new HttpRequestMessage(verb, handler.Length == 0 ? path : $"{path}?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
                }
            }
            yield return new HttpRequestMessage(verb, path) { Content = Multipart() };
            yield break;
        }
        foreach (var body in thorough ? Bodies(Schema(openApi, path, method)) : ["{"])
        {
            yield return new HttpRequestMessage(verb, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
        if (thorough)
        {
            yield return new HttpRequestMessage(verb, path) { Content = Multipart() };
            yield return new HttpRequestMessage(verb, path) { Content = new StringContent("hello\0world", Encoding.UTF8, "text/plain") };
            yield return new HttpRequestMessage(verb, path) { Content = new ByteArrayContent([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28]) { Headers = { { "Content-Type", "application/json" } } } };
        }
    }

    private static MultipartFormDataContent Multipart()
    {
        var content = new MultipartFormDataContent("----sweep") { { new StringContent("a\0b"), "What" }, { new ByteArrayContent(new byte[70_000]), "file", "x.csv" } };
        return content;
    }

    /// <summary>The request body's schema for this path and method in the OpenAPI document (refs resolved one level at a time).</summary>
    private static JsonObject? Schema(JsonNode openApi, string path, string method)
    {
        foreach (var (template, item) in openApi["paths"]!.AsObject())
        {
            var pattern = "^" + System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
            if (System.Text.RegularExpressions.Regex.IsMatch(path, pattern) && item![method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
            {
                return Resolve(openApi, schema);
            }
        }
        return null;
    }

    private static JsonObject? Resolve(JsonNode openApi, JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference
            ? openApi["components"]!["schemas"]![reference.Split('/')[^1]]?.AsObject()
            : schema as JsonObject;

    /// <summary>Bodies a careless or hostile client might send for this schema.</summary>
    private static IEnumerable<string> Bodies(JsonObject? schema)
    {
        yield return "{";
        yield return "[]";
        yield return "null";
        yield return "\"text\"";
        yield return "{}";
        yield return new string('[', 300) + new string(']', 300);
        var properties = schema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? ["what", "version", "ids"];
        string Each(Func<string, string> value) => "{" + string.Join(',', properties.Select(p => $"\"{p}\":{value(p)}")) + "}";
        yield return Each(_ => "\"a\\u0000b\\u001b[31m\"");
        yield return Each(_ => "12345678901234567890");
        yield return Each(_ => "-2147483649");
        yield return Each(_ => "true");
        yield return Each(_ => "{\"nested\":[1,2,3]}");
        yield return Each(_ => "\"" + new string('x', 200_000) + "\"");
        yield return Each(_ => "[" + string.Join(',', Enumerable.Repeat("1", 100_000)) + "]");
        yield return Each(_ => "[" + string.Join(',', Enumerable.Repeat("\"x\"", 20_000)) + "]");
        yield return Each(_ => "\"9999-99-99\"");
        yield return Each(_ => "\"0001-01-01\"");
        yield return Each(_ => "null");
    }

    private static async Task<string> TokenAsync(HttpClient http, string page)
    {
        var html = await http.GetStringAsync(new Uri(page, UriKind.Relative));
        return System.Text.RegularExpressions.Regex.Match(html, @"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""").Groups[1].Value;
    }
}

using System.Net;
using System.Net.Http.Json;

namespace Caseload.WebTests;

/// <summary>The items of docs/security.md that are shown over HTTP against the real app.</summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed class SecurityTests(WebApp app)
{
    [Fact]
    public async Task Pages_send_the_security_headers_and_personal_pages_are_never_cached()
    {
        using var http = await Accounts.SignInAsync(app, await app.EmailOfAsync("tutor"));
        var student = (await app.QueryAsync<long>("SELECT id FROM students LIMIT 1")).Single();
        foreach (var path in new[] { "/", $"/api/v1/caseload" })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.Contains("base-uri 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
        // Nothing with personal data is kept by a browser or a proxy: pages, API answers, exports, errors.
        foreach (var path in new[] { "/", "/api/v1/caseload", $"/api/v1/students/{student}", "/api/v1/inbox", "/inbox", "/no-such-page", "/api/v1/no-such-endpoint" })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} may be cached: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task State_changing_requests_without_an_antiforgery_token_are_refused()
    {
        using var http = await Accounts.SignInAsync(app, await app.EmailOfAsync("tutor"));
        // (A page the tutor may not use at all, such as /admin/two-factor, is 404 before its token is even read.)
        foreach (var path in new[] { "/sign-out", "/account/two-factor?handler=Confirm", "/target-bank?handler=Add" })
        {
            var response = await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "123456" }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token: {response.StatusCode}");
        }
        var delete = await http.DeleteAsync(new Uri("/account/two-factor", UriKind.Relative));
        Assert.True(delete.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed, $"DELETE: {delete.StatusCode}");
        // Still signed in: the refused posts changed nothing.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_api_change_sent_from_another_site_is_refused_and_nothing_is_made()
    {
        var (email, password) = await app.NewStaffAsync("student-services");
        using var http = await Accounts.SignInAsync(app, email, password);
        var student = (await app.QueryAsync<long>("SELECT s.id FROM students s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO' ORDER BY s.id LIMIT 1")).Single();
        var before = (await app.QueryAsync<long>($"SELECT COUNT(*) FROM intervention_cases WHERE student_id = {student}")).Single();
        foreach (var (header, value) in new[] { ("Origin", "http://evil.example"), ("Referer", "http://evil.example/page") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/students/{student}/cases")
            {
                Content = JsonContent.Create(new { stage = 1, reason = "Attendance", summary = "Sent from another site" }),
            };
            request.Headers.Add(header, value);
            var refused = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("http://evil.example", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, (await app.QueryAsync<long>($"SELECT COUNT(*) FROM intervention_cases WHERE student_id = {student}")).Single());
        // The same change from this site, or from a client that is not a browser (no Origin), is made.
        using var same = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/students/{student}/cases")
        {
            Content = JsonContent.Create(new { stage = 1, reason = "Attendance", summary = "Sent from this site" }),
        };
        same.Headers.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(same)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/v1/students/{student}/cases", new { stage = 1, reason = "Attendance", summary = "From a script" })).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_sessions()
    {
        var (email, password) = await app.NewStaffAsync("tutor"); // an account of its own: it is disabled below
        using var http = await Accounts.SignInAsync(app, email, password);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var error = new StringWriter();
        Assert.Equal(0, await Caseload.Cli.CaseloadCommand.RunAsync(
            ["users", "disable", "--email", email, "--provider", "Sqlite", "--connection", $"Data Source={app.Database}"], new StringWriter(), error));

        // The session's security stamp is re-checked (every 2 s in these tests; every minute by default).
        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/sign-in", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Refusals_are_logged_without_personal_data_and_keys_are_protected()
    {
        using var http = await Accounts.SignInAsync(app, await app.EmailOfAsync("tutor"));
        var other = (await app.QueryAsync<long>("SELECT s.id FROM students s JOIN institutions i ON i.id = s.institution_id WHERE i.code = 'OTHER' LIMIT 1")).Single();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/students/{other}", UriKind.Relative))).StatusCode);
        await Task.Delay(500); // the log line is written as the response completes

        var log = app.Log;
        Assert.Contains($"Refused GET /students/{other}: 404 for staff ", log);
        Assert.Contains("Signed in: account ", log);
        // Keys are encrypted at rest with the certificate: no "no XML encryptor" warning.
        Assert.DoesNotContain("No XML encryptor configured", log);
        Assert.DoesNotContain("without encryption", log);
        // No personal data: no staff e-mail address, no student's name.
        Assert.DoesNotContain("@riverside.example", log);
        foreach (var name in await app.QueryAsync<string>("SELECT first_name || ' ' || last_name FROM students LIMIT 200"))
        {
            Assert.DoesNotContain(name, log);
        }
    }
}

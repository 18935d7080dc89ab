using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Caseload.IntegrationTests;

/// <summary>
/// The web app as the README starts it: a real process on a fresh directory creates ./data/caseload.db, migrates,
/// loads the demo, and serves the first page from it.
/// </summary>
public sealed partial class WebFirstRunTests
{
    [Fact]
    public async Task A_fresh_directory_gets_a_database_the_demo_and_a_first_page_with_attendance()
    {
        var dir = Directory.CreateTempSubdirectory("caseload-web-");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Caseload.Web.dll"), "--urls", $"http://127.0.0.1:{port}", "--Demo:Students", "200" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the README's run: plain http on localhost
        using var app = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        app.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        app.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            await WaitForAsync(http, app, log);
            var database = Path.Combine(dir.FullName, "data", "caseload.db");
            Assert.True(File.Exists(database), "the database is ./data/caseload.db under the working directory");

            // Nothing about students without signing in.
            var anonymous = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Equal("/sign-in", anonymous.Headers.Location!.AbsolutePath);

            // The demo tutor signs in with the documented demo password and sees their own tutor groups only.
            var (email, groups, students) = await DemoTutorAsync(database);
            var wrong = await SignInAsync(http, email, "not the password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The e-mail address or password is not right, or this account cannot sign in at the moment.", await wrong.Content.ReadAsStringAsync());
            var signedIn = await SignInAsync(http, email, Caseload.Core.Security.IdentitySetup.DemoPassword);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

            // The landing page is their caseload: every student of their tutor groups, with attendance.
            var caseload = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, caseload.StatusCode);
            Assert.True(caseload.Headers.CacheControl?.NoStore, "pages with personal data are never cached");
            var page = await caseload.Content.ReadAsStringAsync();
            Assert.Contains("My caseload", page);
            Assert.Contains($"{students} of {students} students", page);
            // Fifty at a time, the rest a page away or all at once.
            Assert.Equal(Math.Min(students, Caseload.Core.Features.Caseload.CaseloadList.PageSize), CaseloadRow().Matches(page).Count);
            var all = await http.GetStringAsync(new Uri("/caseload?All=true", UriKind.Relative));
            Assert.Equal(students, CaseloadRow().Matches(all).Count);
            Assert.Matches(PercentCell(), page);

            // A profile of one of their students opens; any other student "does not exist".
            var first = ProfileLink().Match(page).Groups[1].Value;
            var profile = await http.GetAsync(new Uri($"/students/{first}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            Assert.Contains("Attendance by week", await profile.Content.ReadAsStringAsync());
            var outsider = await OutsideStudentAsync(database, groups);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/students/{outsider}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/students/999999", UriKind.Relative))).StatusCode);

            var response = await http.GetAsync(new Uri("/groups", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Riverside Sixth Form College", html);
            foreach (var group in groups)
            {
                Assert.Contains($"href=\"#group-{group}\"", html);
            }
            Assert.Equal(students, StudentRow().Matches(html).Count);

            var missing = await http.GetAsync(new Uri("/no-such-page", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());

            // Guessing passwords is slowed down: the sign-in form answers 429 after 10 tries a minute.
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 10; i++)
            {
                statuses.Add((await SignInAsync(http, "nobody@riverside.example", "guess guess guess")).StatusCode);
            }
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            dir.Delete(recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string email, string password)
    {
        var form = await http.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
        var token = Token().Match(form).Groups[1].Value;
        return await http.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A demo member of staff who is only a tutor, their tutor groups and how many students those hold.</summary>
    private static async Task<(string Email, List<string> Groups, int Students)> DemoTutorAsync(string database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.email, g.code, (SELECT COUNT(*) FROM students x WHERE x.tutor_group_id = g.id AND x.on_roll = 1)
            FROM staff s JOIN tutor_groups g ON g.tutor_staff_id = s.id
            WHERE s.id = (SELECT r.staff_id FROM staff_roles r GROUP BY r.staff_id HAVING COUNT(*) = 1 AND MAX(r.role) = 'tutor' ORDER BY r.staff_id LIMIT 1)
            """;
        await using var reader = await command.ExecuteReaderAsync();
        string email = "";
        var groups = new List<string>();
        var students = 0;
        while (await reader.ReadAsync())
        {
            email = reader.GetString(0);
            groups.Add(reader.GetString(1));
            students += reader.GetInt32(2);
        }
        Assert.NotEmpty(groups);
        return (email, groups, students);
    }

    private static async Task<int> OutsideStudentAsync(string database, List<string> groups)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT s.id FROM students s JOIN tutor_groups g ON g.id = s.tutor_group_id WHERE g.code NOT IN ({string.Join(",", groups.Select(g => $"'{g}'"))}) LIMIT 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitForAsync(HttpClient http, Process app, System.Text.StringBuilder log)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (app.HasExited)
            {
                Assert.Fail($"the app exited with {app.ExitCode}:\n{log}");
            }
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        Assert.Fail($"the app did not answer within two minutes:\n{log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"<span class=""app-pct app-pct--(good|watch|low)"">\d{1,3}\.\d%</span>")]
    private static partial Regex PercentCell();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Token();

    [GeneratedRegex(@"href=""/students/(\d+)""")]
    private static partial Regex ProfileLink();

    [GeneratedRegex(@"<span class=""govuk-body-s app-muted"">S\d{6}</span>")]
    private static partial Regex CaseloadRow();

    [GeneratedRegex(@"<td class=""govuk-table__cell"">S\d{6}</td>")]
    private static partial Regex StudentRow();
}

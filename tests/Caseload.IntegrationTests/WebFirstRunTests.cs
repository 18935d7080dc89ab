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
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Caseload.Web.dll"), "--urls", $"http://127.0.0.1:{port}", "--Demo:Students", "60" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var app = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        app.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        app.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForAsync(http, app, log);

            Assert.True(File.Exists(Path.Combine(dir.FullName, "data", "caseload.db")), "the database is ./data/caseload.db under the working directory");
            var response = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Riverside Sixth Form College", html);
            Assert.Contains("href=\"#group-12A\"", html);
            Assert.Matches(PercentCell(), html);
            Assert.Equal(60, StudentRow().Matches(html).Count);

            var missing = await http.GetAsync(new Uri("/no-such-page", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            dir.Delete(recursive: true);
        }
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

    [GeneratedRegex(@"<span class=""pct (good|watch|low)"">\d{1,3}\.\d%</span>")]
    private static partial Regex PercentCell();

    [GeneratedRegex(@"<td>S\d{6}</td>")]
    private static partial Regex StudentRow();
}

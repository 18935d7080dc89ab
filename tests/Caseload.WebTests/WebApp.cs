using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Caseload.WebTests;

/// <summary>
/// The real app, as a process on loopback, on a fresh SQLite database holding the demo college (300 students) and a
/// second institution from the sample files, so "another institution's student" exists. Shared by the tests here.
/// </summary>
public sealed class WebApp : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("caseload-webtests-");
    public Uri BaseAddress { get; private set; } = null!;
    public string Database => Path.Combine(Directory.FullName, "data", "caseload.db");
    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <summary>Where screenshots go: $CASELOAD_ARTIFACTS/screenshots (./test.sh sets it to the repository's artifacts/).</summary>
    public static string Screenshots { get; } = System.IO.Directory.CreateDirectory(Path.Combine(
        Environment.GetEnvironmentVariable("CASELOAD_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(AppContext.BaseDirectory, "artifacts"),
        "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Database)!);
        var connection = $"Data Source={Database}";
        await Cli("demo", "--students", "800", "--provider", "Sqlite", "--connection", connection);
        // A second institution, the sample school, loaded as docs/import-formats.md says (samples/load-sample-school.sh):
        // its calendar first, then its structure and people. Its registers (7–8 September 2026) only on days after them.
        await Cli("institution", "add", "--code", "OTHER", "--name", "Other College", "--provider", "Sqlite", "--connection", connection);
        await Cli("calendar", "import", Path.Combine(AppContext.BaseDirectory, "samples", "calendar.csv"), "--institution", "OTHER", "--provider", "Sqlite", "--connection", connection);
        foreach (var kind in new[] { "staff", "year-groups", "houses", "tutor-groups", "students", "caseloads", "contacts", "enrolments", "attendance", "grades", "behaviour" })
        {
            if (kind == "attendance" && Caseload.Tests.TestDay.Today < new DateOnly(2026, 9, 8))
            {
                continue;
            }
            await Cli("import", kind, Path.Combine(AppContext.BaseDirectory, "samples", $"{kind}.csv"), "--institution", "OTHER",
                "--provider", "Sqlite", "--connection", connection);
        }

        // Its students' photos, as an administrator would import them: a folder of files named by student ID.
        var photos = System.IO.Directory.CreateDirectory(Path.Combine(Directory.FullName, "photos")).FullName;
        foreach (var (id, colour) in new[] { ("S1001", SkiaSharp.SKColors.SteelBlue), ("S1002", SkiaSharp.SKColors.SeaGreen), ("S1003", SkiaSharp.SKColors.IndianRed) })
        {
            await File.WriteAllBytesAsync(Path.Combine(photos, $"{id}.jpg"), Picture(600, 750, colour));
        }
        await Cli("import", "photos", photos, "--institution", "OTHER", "--provider", "Sqlite", "--connection", connection);

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Directory.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Caseload.Web.dll"), "--urls", BaseAddress.ToString().TrimEnd('/'),
                     "--Security:SignInAttemptsPerMinute", "1000", "--Security:SessionRecheckSeconds", "2", "--Clock:Today", Caseload.Tests.TestDay.Text })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {_process.ExitCode}:\n{Log}");
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
        throw new InvalidOperationException($"the app did not answer within two minutes:\n{Log}");
    }

    /// <summary>A made-up picture (a coloured circle), JPEG unless said otherwise: a photo or a logo for the tests.</summary>
    public static byte[] Picture(int width, int height, SkiaSharp.SKColor colour, SkiaSharp.SKEncodedImageFormat format = SkiaSharp.SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            using var paint = new SkiaSharp.SKPaint { Color = colour };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 2.5f, paint);
        }
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        // The app's own log is kept with the screenshots, for reading after a failure.
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(Screenshots)!, "web-app.log"), Log);
        SqliteConnection.ClearAllPools();
        Directory.Delete(recursive: true);
    }

    /// <summary>One value from the app's database (read-only), for choosing people and students to test with.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add((T)Convert.ChangeType(reader.GetValue(0), typeof(T), System.Globalization.CultureInfo.InvariantCulture));
        }
        return values;
    }

    /// <summary>
    /// A member of staff of the demo institution made for one test (imported through the staff import, with an account
    /// from <c>caseload users add</c>), so the test shares nobody with the others. Returns the e-mail and password.
    /// </summary>
    public async Task<(string Email, string Password)> NewStaffAsync(string roles)
    {
        var id = $"X{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var email = $"{id.ToLowerInvariant()}@riverside.example";
        var file = Path.Combine(Directory.FullName, $"{id}.csv");
        await File.WriteAllTextAsync(file, $"staff_id,first_name,last_name,email,roles\n{id},Test,Person,{email},{roles}\n");
        var connection = $"Data Source={Database}";
        await Cli("import", "staff", file, "--institution", "DEMO", "--provider", "Sqlite", "--connection", connection);
        var output = await Cli("users", "add", "--staff", id, "--institution", "DEMO", "--provider", "Sqlite", "--connection", connection);
        return (email, output.Trim()[(output.Trim().LastIndexOf(' ') + 1)..]);
    }

    /// <summary>An account (from <c>caseload users add</c>) for a member of staff of an institution the fixture loaded: e-mail and password.</summary>
    public async Task<(string Email, string Password)> AccountAsync(string institution, string staffId)
    {
        // Made once per fixture: several journeys sign in as the same member of the sample school's staff.
        lock (_accounts)
        {
            if (_accounts.TryGetValue((institution, staffId), out var made))
            {
                return made;
            }
        }
        var account = await NewAccountAsync(institution, staffId);
        lock (_accounts)
        {
            _accounts[(institution, staffId)] = account;
        }
        return account;
    }

    private readonly Dictionary<(string, string), (string, string)> _accounts = [];

    private async Task<(string Email, string Password)> NewAccountAsync(string institution, string staffId)
    {
        var connection = $"Data Source={Database}";
        var output = (await Cli("users", "add", "--staff", staffId, "--institution", institution, "--provider", "Sqlite", "--connection", connection)).Trim();
        var email = (await QueryAsync<string>($"SELECT email FROM staff WHERE external_id = '{staffId}' AND institution_id = (SELECT id FROM institutions WHERE code = '{institution}')")).Single();
        return (email, output[(output.LastIndexOf(' ') + 1)..]);
    }

    /// <summary>
    /// A new tutor with a new tutor group of their own (in the demo's first year group) holding <paramref name="count"/>
    /// new students, made through the imports as an institution would: a test that changes a tutor's students or
    /// account changes nobody else's.
    /// </summary>
    public async Task<(string Email, string Password, IReadOnlyList<long> Students)> NewTutorGroupAsync(int count = 3)
    {
        var (email, password) = await NewStaffAsync("tutor");
        var staffId = (await QueryAsync<string>($"SELECT external_id FROM staff WHERE email = '{email}'")).Single();
        var year = (await QueryAsync<string>("SELECT y.code FROM year_groups y JOIN institutions i ON i.id = y.institution_id AND i.code = 'DEMO' ORDER BY y.id LIMIT 1")).Single();
        var group = "G" + staffId[1..];
        var connection = $"Data Source={Database}";
        var students = Path.Combine(Directory.FullName, $"{group}-students.csv");
        await File.WriteAllTextAsync(students, "student_id,first_name,last_name,date_of_birth,year_group,tutor_group\n" + string.Concat(
            Enumerable.Range(1, count).Select(i => $"{group}S{i},Test{i},Student,2010-01-{i:00},{year},{group}\n")));
        var groups = Path.Combine(Directory.FullName, $"{group}-groups.csv");
        await File.WriteAllTextAsync(groups, $"tutor_group,year_group,tutor_staff_id,senior_tutor_staff_id\n{group},{year},{staffId},\n");
        await Cli("import", "students", students, "--institution", "DEMO", "--provider", "Sqlite", "--connection", connection);
        await Cli("import", "tutor-groups", groups, "--institution", "DEMO", "--provider", "Sqlite", "--connection", connection);
        var ids = await QueryAsync<long>($"SELECT id FROM students WHERE external_id LIKE '{group}S%' ORDER BY id");
        return (email, password, ids);
    }

    /// <summary>Imports a file of <paramref name="kind"/> into the demo institution through the CLI, as an administrator would.</summary>
    public async Task ImportAsync(string kind, string csv)
    {
        var file = Path.Combine(Directory.FullName, $"{kind}-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv);
        await Cli("import", kind, file, "--institution", "DEMO", "--provider", "Sqlite", "--connection", $"Data Source={Database}");
    }

    /// <summary>The demo account holding a role with the fewest other roles (the plainest holder of it), for read-only use.</summary>
    public async Task<string> EmailOfAsync(string role) => (await QueryAsync<string>($"""
        SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
        WHERE EXISTS (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.role = '{role}')
          AND s.external_id NOT LIKE 'X%' -- not staff made by NewStaffAsync: their passwords are their own
        ORDER BY (SELECT COUNT(*) FROM staff_roles r WHERE r.staff_id = s.id), s.id LIMIT 1
        """)).Single();

    /// <summary>A change made behind the app's back (to set up a state a test needs, such as a summary from an earlier day).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Caseload.Cli.CaseloadCommand.RunAsync([.. args, "--clock-today", Caseload.Tests.TestDay.Text], output, error);
        if (exit != 0)
        {
            throw new InvalidOperationException($"caseload {string.Join(' ', args)} failed ({exit}): {error}");
        }
        return output.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebApp>
{
    public const string Name = "web app";
}

/// <summary>Staff accounts as the tests use them: signed-in HTTP clients, with two-factor set up where a role needs it.</summary>
public static partial class Accounts
{
    private static readonly Dictionary<string, string> Keys = [];

    /// <summary>The authenticator key set up for an account by these tests (null until then).</summary>
    public static string? KeyOf(string email)
    {
        lock (Keys)
        {
            return Keys.GetValueOrDefault(email);
        }
    }

    public static void Remember(string email, string key)
    {
        lock (Keys)
        {
            Keys[email] = key;
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> Jars = [];

    /// <summary>A copy of a signed-in client's cookies, as an attacker who copied them would hold them.</summary>
    public static HttpClient CopyOf(WebApp app, HttpClient signedIn)
    {
        var copy = new CookieContainer();
        Assert.True(Jars.TryGetValue(signedIn, out var original));
        foreach (Cookie cookie in original.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = copy }) { BaseAddress = app.BaseAddress };
    }

    /// <summary>An HTTP client signed in as this demo account, having passed (or set up) two-factor sign-in as asked.</summary>
    public static async Task<HttpClient> SignInAsync(WebApp app, string email, string password = Caseload.Core.Security.IdentitySetup.DemoPassword)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = app.BaseAddress };
        Jars.AddOrUpdate(http, cookies);
        var answer = await PostFormAsync(http, "/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        if (answer.Headers.Location!.OriginalString.StartsWith("/sign-in/two-factor", StringComparison.Ordinal))
        {
            var key = KeyOf(email) ?? throw new InvalidOperationException($"{email} has two-factor sign-in but the tests do not know its key");
            answer = await PostFormAsync(http, "/sign-in/two-factor", new() { ["Code"] = await Totp.FreshAsync(key) });
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }
        // A role that must use two-factor sign-in is sent to set it up before anything else.
        var home = await http.GetAsync(new Uri("/", UriKind.Relative));
        if (home.StatusCode == HttpStatusCode.Redirect && home.Headers.Location!.OriginalString == "/account/two-factor")
        {
            var setup = await http.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative));
            var key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
            Assert.NotEmpty(key);
            var confirmed = await PostFormAsync(http, "/account/two-factor?handler=Confirm", new() { ["Code"] = await Totp.FreshAsync(key) }, "/account/two-factor");
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains("Your recovery codes", await confirmed.Content.ReadAsStringAsync());
            Remember(email, key);
        }
        return http;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var form = await http.GetStringAsync(new Uri(formPage ?? path, UriKind.Relative));
        fields["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value;
        return await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial System.Text.RegularExpressions.Regex TokenPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"data-testid=""authenticator-key""[^>]*>([a-z2-7 ]+)<")]
    private static partial System.Text.RegularExpressions.Regex KeyPattern();
}

using System.Net;
using System.Text.RegularExpressions;
using Caseload.Core.Features.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Http;

/// <summary>
/// The web app in process (<see cref="WebApplicationFactory{TEntryPoint}"/>, found from a type of the web assembly: the CLI has a Program too) on a test's own database — SQLite or
/// PostgreSQL — with no demo, the school clock fixed on the database's day, and HTTPS as in production (secure cookies).
/// </summary>
public sealed partial class CaseloadWebFactory(TestDatabase db, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Caseload.Web.Security.CurrentViewer>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", db.Selection.Provider.Name);
        builder.UseSetting("Database:ConnectionString", db.ConnectionString);
        builder.UseSetting("Demo:LoadOnFirstRun", "false");
        builder.UseSetting("Clock:Today", db.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public const string Password = "Correct-horse-battery-9";

    /// <summary>Makes an account (password <see cref="Password"/>) for a member of staff from the samples; returns its e-mail address.</summary>
    public async Task<string> AccountAsync(int institution, string staffId)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ManageUsers>().AddAsync(institution, staffId, Password);
        }
        await using var context = db.NewContext();
        return context.Staff.Where(s => s.InstitutionId == institution && s.ExternalId == staffId).Select(s => s.Email).Single()!;
    }

    /// <summary>A client of its own (its own cookies), as a browser on another machine.</summary>
    public HttpClient NewBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>Posts the sign-in form from this browser.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        await PostFormAsync(browser, "/sign-in", "/sign-in", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>A client signed in as a member of staff from the samples (an account is made for them first).</summary>
    public async Task<HttpClient> SignedInAsync(int institution, string staffId)
    {
        var email = await AccountAsync(institution, staffId);
        var http = NewBrowser();
        var answer = await SignInAsync(http, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location!.OriginalString);
        // A role that must use two-factor sign-in (administrators, the safeguarding lead) sets up its authenticator first.
        var home = await http.GetAsync(new Uri("/", UriKind.Relative));
        if (home.StatusCode == HttpStatusCode.Redirect && home.Headers.Location!.OriginalString == "/account/two-factor")
        {
            var setup = await http.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative));
            var key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
            var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var code = Core.Security.SingleUseAuthenticatorTokenProvider.Code(Core.Security.SingleUseAuthenticatorTokenProvider.Base32(key), step);
            var confirmed = await PostFormAsync(http, "/account/two-factor?handler=Confirm", "/account/two-factor", new() { ["Code"] = code });
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }
        return http;
    }

    /// <summary>Posts a form as a browser would: with the anti-forgery token of the page it is on.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, string formPage, Dictionary<string, string> fields)
    {
        var form = await http.GetStringAsync(new Uri(formPage, UriKind.Relative));
        fields["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value;
        return await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a file as a browser's upload form would, with the anti-forgery token of the page it is on.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient http, string path, string field, string fileName, string text)
    {
        var form = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(form).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), field, fileName },
        };
        return await http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [GeneratedRegex(@"data-testid=""authenticator-key""[^>]*>([a-z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenPattern();
}

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
public sealed partial class CaseloadWebFactory(TestDatabase db) : WebApplicationFactory<Caseload.Web.Security.CurrentViewer>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", db.Selection.Provider.Name);
        builder.UseSetting("Database:ConnectionString", db.ConnectionString);
        builder.UseSetting("Demo:LoadOnFirstRun", "false");
        builder.UseSetting("Clock:Today", db.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
    }

    /// <summary>A client signed in as a member of staff from the samples (an account is made for them first).</summary>
    public async Task<HttpClient> SignedInAsync(int institution, string staffId)
    {
        const string password = "Correct-horse-battery-9";
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ManageUsers>().AddAsync(institution, staffId, password);
        }
        await using var context = db.NewContext();
        var email = context.Staff.Where(s => s.InstitutionId == institution && s.ExternalId == staffId).Select(s => s.Email).Single();
        var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var form = await http.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
        var token = TokenPattern().Match(form).Groups[1].Value;
        var answer = await http.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location!.OriginalString);
        return http;
    }

    /// <summary>Posts a form as a browser would: with the anti-forgery token of the page it is on.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, string formPage, Dictionary<string, string> fields)
    {
        var form = await http.GetStringAsync(new Uri(formPage, UriKind.Relative));
        fields["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value;
        return await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenPattern();
}

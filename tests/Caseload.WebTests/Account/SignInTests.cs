using System.Net;

namespace Caseload.WebTests.Account;

/// <summary>The sign-in form cannot be used to learn who has an account, or whether it is locked or disabled.</summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed class SignInTests(WebApp app)
{
    [Fact]
    public async Task Unknown_wrong_locked_and_disabled_accounts_all_get_the_same_answer()
    {
        var (locked, _) = await app.NewStaffAsync("tutor");
        var (disabled, disabledPassword) = await app.NewStaffAsync("tutor");
        var (wrong, _) = await app.NewStaffAsync("tutor");
        for (var i = 0; i < 5; i++)
        {
            await AttemptAsync(locked, "not-the-password");
        }
        var error = new StringWriter();
        Assert.Equal(0, await Caseload.Cli.CaseloadCommand.RunAsync(
            ["users", "disable", "--email", disabled, "--provider", "Sqlite", "--connection", $"Data Source={app.Database}"], new StringWriter(), error));

        var answers = new Dictionary<string, string>
        {
            ["unknown"] = await AttemptAsync("nobody.at.all@riverside.example", "whatever-it-is"),
            ["wrong password"] = await AttemptAsync(wrong, "not-the-password"),
            ["locked"] = await AttemptAsync(locked, "not-the-password"),
            // Even with its right password, a disabled account says no more than a wrong one.
            ["disabled"] = await AttemptAsync(disabled, disabledPassword),
        };
        foreach (var (what, answer) in answers)
        {
            Assert.True(answer == answers["unknown"], $"{what}: {answer}");
        }
        Assert.Equal(Caseload.Web.Pages.SignInModel.Refused, answers["unknown"]);
    }

    [Fact]
    public async Task Wrong_recovery_codes_count_towards_the_lockout()
    {
        var (email, password) = await app.NewStaffAsync("safeguarding-lead");
        (await Accounts.SignInAsync(app, email, password)).Dispose(); // sets up two-factor sign-in
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        var signedIn = await Accounts.PostFormAsync(http, "/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.StartsWith("/sign-in/two-factor", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            await Accounts.PostFormAsync(http, "/sign-in/two-factor", new() { ["Code"] = $"WRONG-{i:D4}", ["UseRecoveryCode"] = "true" });
        }
        var lockedUntil = (await app.QueryAsync<string>($"SELECT COALESCE(lockout_end, '') FROM users WHERE email = '{email}'")).Single();
        Assert.False(string.IsNullOrEmpty(lockedUntil), "five wrong recovery codes should lock the account like five wrong passwords");
    }

    /// <summary>Posts the sign-in form; returns the problem it shows.</summary>
    private async Task<string> AttemptAsync(string email, string password)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        var response = await Accounts.PostFormAsync(http, "/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, never a redirect onward
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var start = page.IndexOf("The e-mail address or password", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no refusal shown for {email}");
        return page[start..(page.IndexOf("administrator.", start, StringComparison.Ordinal) + "administrator.".Length)];
    }
}

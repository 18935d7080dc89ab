using System.Net;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Http;

/// <summary>
/// Wrong passwords slow the account down for whoever is guessing, never for a browser that has signed in to it before;
/// the holder and the administrators hear of it; and attempts are limited from all addresses together as well as from each.
/// </summary>
public sealed class SignInThrottleTests
{
    [Fact]
    public void The_wait_doubles_from_the_fifth_failure_up_to_a_quarter_of_an_hour()
    {
        Assert.Equal(TimeSpan.Zero, SignInDelay.After(0));
        Assert.Equal(TimeSpan.Zero, SignInDelay.After(4));
        Assert.Equal(TimeSpan.FromSeconds(30), SignInDelay.After(5));
        Assert.Equal(TimeSpan.FromSeconds(60), SignInDelay.After(6));
        Assert.Equal(TimeSpan.FromMinutes(2), SignInDelay.After(7));
        Assert.Equal(TimeSpan.FromMinutes(8), SignInDelay.After(9));
        Assert.Equal(TimeSpan.FromMinutes(15), SignInDelay.After(10)); // 16 minutes, capped
        Assert.Equal(TimeSpan.FromMinutes(15), SignInDelay.After(int.MaxValue));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Guessing_slows_the_guesser_and_tells_the_holder_and_administrators_but_the_staff_members_own_browser_still_signs_in(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var mail = Directory.CreateTempSubdirectory("caseload-mail-");
        await using var app = new CaseloadWebFactory(db, new Dictionary<string, string> { ["Email:Mode"] = "FileDrop", ["Email:DropFolder"] = mail.FullName });
        var email = await app.AccountAsync(institution, "T001");
        await app.AccountAsync(institution, "T006"); // the administrator

        // Grace signs in at her desk, then signs out.
        var desk = app.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await CaseloadWebFactory.SignInAsync(desk, email, CaseloadWebFactory.Password)).StatusCode);
        await CaseloadWebFactory.PostFormAsync(desk, "/sign-out", "/", []);

        // Someone elsewhere guesses five times: the fifth starts the waits and the e-mails.
        var guesser = app.NewBrowser();
        for (var i = 0; i < SignInDelay.FreeFailures; i++)
        {
            var wrong = await CaseloadWebFactory.SignInAsync(guesser, email, $"guess-number-{i}-wrong");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        await using (var context = db.NewContext())
        {
            var account = await context.Users.SingleAsync(u => u.Email == email);
            Assert.Equal(SignInDelay.FreeFailures, account.AccessFailedCount);
            Assert.NotNull(account.LockoutEnd);
        }
        var messages = mail.GetFiles("*.eml").Select(f => File.ReadAllText(f.FullName)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Single(messages, m => m.Contains($"To: {email}", StringComparison.Ordinal) && m.Contains("your Caseload account", StringComparison.Ordinal));
        Assert.Single(messages, m => m.Contains("To: priya.desai@school.example", StringComparison.Ordinal) && m.Contains("the Caseload account of Grace Okafor", StringComparison.Ordinal));

        // Even the right password is refused to the guesser while the wait runs, with the same words as a wrong one.
        var right = await CaseloadWebFactory.SignInAsync(guesser, email, CaseloadWebFactory.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("The e-mail address or password is not right", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // A new browser is held up too.
        Assert.Equal(HttpStatusCode.OK, (await CaseloadWebFactory.SignInAsync(app.NewBrowser(), email, CaseloadWebFactory.Password)).StatusCode);

        // Grace's own browser is not: she signs in, and her success clears the count.
        var back = await CaseloadWebFactory.SignInAsync(desk, email, CaseloadWebFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/", back.Headers.Location!.OriginalString);
        await using (var context = db.NewContext())
        {
            Assert.Equal(0, (await context.Users.SingleAsync(u => u.Email == email)).AccessFailedCount);
        }
        mail.Delete(recursive: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Attempts_from_all_addresses_together_are_limited(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateInstitutionAsync();
        // Each address may try 1,000 times a minute here; all of them together, 3.
        await using var app = new CaseloadWebFactory(db, new Dictionary<string, string> { ["Security:SignInAttemptsPerMinuteInAll"] = "3" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await CaseloadWebFactory.SignInAsync(app.NewBrowser(), $"nobody{i}@school.example", "not-a-password-at-all")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await app.NewBrowser().GetAsync(new Uri("/sign-in", UriKind.Relative))).StatusCode);
    }
}

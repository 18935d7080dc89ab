using System.Net;

namespace Caseload.WebTests.Account;

/// <summary>Sessions live on the server: signing out, or ending a session from another one, makes its cookie worthless at once.</summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed class SessionsTests(WebApp app)
{
    [Fact]
    public async Task A_copied_cookie_stops_working_the_moment_its_session_is_signed_out_or_ended_elsewhere()
    {
        var (email, password) = await app.NewStaffAsync("tutor");
        using var laptop = await Accounts.SignInAsync(app, email, password);
        using var copied = Accounts.CopyOf(app, laptop);
        using var phone = await Accounts.SignInAsync(app, email, password);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var page = await laptop.GetStringAsync(new Uri("/account/sessions", UriKind.Relative));
        Assert.Contains("This session", page, StringComparison.Ordinal);
        Assert.Matches(@"[2-9] sessions", page);

        // Signing out on the laptop ends its session on the server: the copy of its cookie is refused at once.
        var signedOut = await Accounts.PostFormAsync(laptop, "/sign-out", [], "/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("\"cache\", \"storage\"", signedOut.Headers.GetValues("Clear-Site-Data").Single()); // the browser forgets what it kept
        var refused = await copied.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal((HttpStatusCode.Redirect, "/sign-in"), (refused.StatusCode, refused.Headers.Location!.AbsolutePath));
        Assert.Equal(HttpStatusCode.Unauthorized, (await copied.GetAsync(new Uri("/api/v1/caseload", UriKind.Relative))).StatusCode);

        // From a third sign-in, "Sign out everywhere else" ends the phone's session at once; this one goes on.
        using var desk = await Accounts.SignInAsync(app, email, password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var ended = await Accounts.PostFormAsync(desk, "/account/sessions?handler=EndOthers", [], "/account/sessions");
        Assert.Contains("other session", await ended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Contains("1 session<", await desk.GetStringAsync(new Uri("/account/sessions", UriKind.Relative)), StringComparison.Ordinal);
    }
}

using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class TwoFactorSetUpJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_safeguarding_lead_must_set_up_two_factor_and_then_signs_in_with_a_code()
    {
        // The demo's senior leader who is also a safeguarding lead (the access matrix uses the other one).
        var email = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role, ';') FROM (SELECT role FROM staff_roles r WHERE r.staff_id = s.id ORDER BY role)) = 'safeguarding-lead;senior-leader'
            LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(new Uri(App.BaseAddress, "/sign-in").ToString());
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Core.Security.IdentitySetup.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Straight to setting up an authenticator: nothing else opens until it is done.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("you must set up two-factor sign-in before you continue")).ToBeVisibleAsync();
        await AccessibleAsync(page, "two-factor-setup");
        // Scanning a QR code takes a while: longer than the session's re-check (2 s here), which must not end it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var blocked = await page.GotoAsync(new Uri(App.BaseAddress, "/").ToString());
        Assert.EndsWith("/account/two-factor", page.Url, StringComparison.Ordinal);
        Assert.Equal(200, blocked!.Status);

        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from your authenticator app").FillAsync("000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That code is not right")).ToBeVisibleAsync();

        await page.GetByLabel("Code from your authenticator app").FillAsync(await Totp.FreshAsync(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await AccessibleAsync(page, "two-factor-recovery-codes");
        Accounts.Remember(email, key);

        // Next time: password, then the code.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Core.Security.IdentitySetup.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your code" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "two-factor-sign-in");
        var code = await Totp.FreshAsync(key);
        await page.GetByLabel("Code from your authenticator app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        // A safeguarding lead's morning starts at the referrals and concerns routed to the safeguarding team.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Referrals and concerns" })).ToBeVisibleAsync();

        // A code works once: the same code again (seen over a shoulder, say) is refused while it is still current.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Core.Security.IdentitySetup.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That code is not right, or has been used already")).ToBeVisibleAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(await Totp.FreshAsync(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        // A safeguarding lead's morning starts at the referrals and concerns routed to the safeguarding team.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Referrals and concerns" })).ToBeVisibleAsync();
    }
}

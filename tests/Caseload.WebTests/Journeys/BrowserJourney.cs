using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

/// <summary>
/// What every browser journey (one file each in this folder) shares: real Chromium (Debian's package), signing in as a
/// member of staff, and an axe-core scan of every page visited (no serious or critical violations) with a screenshot of
/// each saved under artifacts/screenshots to be looked at.
/// </summary>
public abstract class BrowserJourney(WebApp app) : IAsyncLifetime
{
    protected WebApp App { get; } = app;

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        // A shared two-core machine can be slow to answer while axe-core scans: wait up to 15 s, not 5.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CASELOAD_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    protected async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = App.BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form, passing or setting up two-factor sign-in where the account needs it.</summary>
    protected async Task SignInAsync(IPage page, string email, string password = Core.Security.IdentitySetup.DemoPassword)
    {
        await page.GotoAsync(new Uri(App.BaseAddress, "/sign-in").ToString());
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        if (page.Url.Contains("/sign-in/two-factor", StringComparison.Ordinal))
        {
            await page.GetByLabel("Code from your authenticator app").FillAsync(await Totp.FreshAsync(Accounts.KeyOf(email)!));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }
        else if (page.Url.EndsWith("/account/two-factor", StringComparison.Ordinal))
        {
            var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
            await page.GetByLabel("Code from your authenticator app").FillAsync(await Totp.FreshAsync(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
            Accounts.Remember(email, key);
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue to Caseload" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Opens the page (if given), saves a full-page screenshot, and fails on serious or critical axe-core violations.</summary>
    protected async Task AccessibleAsync(IPage page, string name, string? path = null)
    {
        if (path is not null)
        {
            await page.GotoAsync(new Uri(App.BaseAddress, path).ToString());
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, $"{name}.png"), FullPage = true });
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(bad.Count == 0, $"{name}: accessibility violations:\n{string.Join("\n", bad)}");
    }
}

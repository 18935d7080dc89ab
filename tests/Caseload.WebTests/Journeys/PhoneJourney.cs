using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

/// <summary>
/// A tutor on a phone (390 px wide): nothing runs off the side of any page they use in the morning, the navigation
/// folds behind "Menu", Sign out is on the screen, and the caseload is one card per student with its figures labelled.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class PhoneJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_tutor_on_a_phone_reads_the_caseload_as_cards_and_no_page_scrolls_sideways()
    {
        var email = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor' ORDER BY s.id LIMIT 1 OFFSET 3
            """)).Single();
        var page = await NewPageAsync(390, 844);
        await SignInAsync(page, email);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload" })).ToBeVisibleAsync();

        // Sign out is on the screen; the navigation is one "Menu" button that opens and closes the list.
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Assertions.Expect(signOut).ToBeInViewportAsync();
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Referrals" })).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Referrals" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, "phone-menu.png") });
        await menu.ClickAsync();

        // One card per student: the name, the score and why, then each figure with its label.
        var first = page.Locator("table.app-caseload tbody tr").First;
        await Assertions.Expect(first.Locator("td[data-label='Term']")).ToBeVisibleAsync();
        Assert.StartsWith("Term: ", await first.Locator("td[data-label='Term']").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content.replaceAll('\"', '') + e.innerText.trim()"), StringComparison.Ordinal);
        await first.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, "phone-caseload.png") });
        await AccessibleAsync(page, "phone-caseload-page");

        await page.Locator("table.app-caseload tbody tr").First.Locator("a[href^='/students/']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attendance by week" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, "phone-profile.png") });
        var student = new Uri(page.Url).AbsolutePath;

        // Every page of the morning, and the concern and incident forms, on a phone and on a tablet.
        foreach (var width in new[] { 390, 768 })
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var path in new[] { "/", "/inbox", "/one-to-ones", "/referrals", "/groups", "/cohorts", "/attendance/today", student, $"{student}/referrals/new", "/behaviour/incident" })
            {
                var answer = await page.GotoAsync(new Uri(App.BaseAddress, path).ToString());
                Assert.True(answer!.Ok, $"{path}: {answer.Status}");
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at {width} px");
            }
        }
    }
}

using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class CaseJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_tutor_opens_a_case_from_the_profile_actions_and_escalates_it_and_a_stale_form_is_refused_with_the_latest_shown()
    {
        var email = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor'
            ORDER BY (SELECT COUNT(*) FROM intervention_cases c WHERE c.owner_staff_id = s.id AND c.status = 'Open' AND c.deleted_at IS NULL) DESC, s.id LIMIT 1
            """)).Single(); // the tutor-only demo account with the most open cases: an inbox with casework waiting
        var student = (await App.QueryAsync<long>($"""
            SELECT st.id FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff s ON s.id = g.tutor_staff_id
            WHERE s.email = '{email}' ORDER BY st.id LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email);
        // The demo's casework gives the tutor an inbox: reviews and actions due or overdue on their cases.
        await page.GetByRole(AriaRole.Link, new() { Name = "My inbox" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My inbox", Exact = true })).ToBeVisibleAsync();
        await AccessibleAsync(page, "inbox");
        Assert.True(await page.Locator("table[data-testid^=inbox-] tbody tr").CountAsync() > 0, "the demo tutor has casework waiting");
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}#casework").ToString());
        await page.GetByRole(AriaRole.Tab, new() { Name = "Casework" }).ClickAsync();
        await page.GetByText("Open a case").ClickAsync();
        await page.GetByLabel("Reason").SelectOptionAsync("Attendance");
        await page.GetByLabel("What the case is about").FillAsync("Absent every Monday since half term");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage 1 case" })).ToBeVisibleAsync();

        await page.GetByLabel("What is to be done").FillAsync("Phone home about Mondays");
        await page.GetByLabel("Who", new() { Exact = true }).FillAsync("Tutor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-actions")).ToContainTextAsync("Done");

        // A second tab on the same case, opened now, then left while the first escalates the case.
        var stale = await page.Context.NewPageAsync();
        await stale.GotoAsync(page.Url);
        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("3");
        await page.GetByLabel("Why", new() { Exact = true }).FillAsync("No improvement after the call home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move case" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage 3 case" })).ToBeVisibleAsync();
        var history = await page.GetByTestId("case-history").Locator("li").AllInnerTextsAsync();
        Assert.Equal(4, history.Count);
        Assert.Contains("Opened at Stage 1 for attendance", history[0]);
        Assert.Contains("Escalated from Stage 1 to Stage 3", history[3]);
        await AccessibleAsync(page, "case");

        // The stale tab's review is refused, said so, and the latest version (Stage 3) is shown; nothing of it is saved.
        await stale.GetByLabel("What the review found").FillAsync("Written on an old page");
        await stale.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Assertions.Expect(stale.GetByRole(AriaRole.Heading, new() { Name = "Someone else changed this case" })).ToBeVisibleAsync();
        await Assertions.Expect(stale.GetByRole(AriaRole.Heading, new() { Name = "Stage 3 case" })).ToBeVisibleAsync();
        Assert.Equal(4, await stale.GetByTestId("case-history").Locator("li").CountAsync());
        await AccessibleAsync(stale, "case-conflict");
    }
}

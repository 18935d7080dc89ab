using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class MyClassesJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_subject_teacher_lands_on_my_classes_opens_a_student_raises_a_concern_and_rewards_three_at_once()
    {
        var teacher = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'subject-teacher'
            ORDER BY (SELECT COUNT(*) FROM enrolments e WHERE e.teacher_staff_id = s.id) DESC, s.id LIMIT 1
            """)).Single(); // the teacher with the most students: classes of three and more
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, teacher);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/classes$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My classes", Exact = true })).ToBeVisibleAsync();
        await AccessibleAsync(page, "my-classes");
        var form = page.Locator("form:has(table[data-testid^=class-])").First;
        var firstClass = form.Locator("table[data-testid^=class-]");
        var rows = firstClass.Locator("tbody tr");
        Assert.True(await rows.CountAsync() >= 3, "the teacher's first class has three students or more");

        // A reward for three students at once.
        var before = (await App.QueryAsync<long>("SELECT COUNT(*) FROM behaviour_events WHERE external_key LIKE 'reward:%'")).Single();
        for (var n = 0; n < 3; n++)
        {
            await rows.Nth(n).Locator("input[type=checkbox]").CheckAsync();
        }
        await form.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Give reward") }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rewarded")).ToContainTextAsync("3 students rewarded.");
        Assert.Equal(before + 3, (await App.QueryAsync<long>("SELECT COUNT(*) FROM behaviour_events WHERE external_key LIKE 'reward:%'")).Single());

        // A student's page from the class list (the academic view), and a concern raised from the list in one click.
        var list = page.Locator("table[data-testid^=class-]").First;
        var name = await list.Locator("tbody tr").First.Locator("td").Nth(1).Locator("a").InnerTextAsync();
        await list.Locator("tbody tr").First.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await page.GoBackAsync();
        await page.Locator("table[data-testid^=class-]").First.Locator("tbody tr").First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Raise a concern") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Raise a concern or referral about {name}" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "raise-concern");
        await page.GetByLabel("What happened").FillAsync("Upset in my lesson today; said things are difficult at home.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("raised")).ToContainTextAsync("Sent to");
    }
}

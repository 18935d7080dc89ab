using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class SeniorLeadersStageJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_senior_leader_takes_a_stage_5_case_from_the_inbox_and_the_safeguarding_lead_reads_the_concerns_trail()
    {
        var (services, servicesPassword) = await App.NewStaffAsync("student-services");
        var (leader, leaderPassword) = await App.NewStaffAsync("senior-leader");
        using var office = await Accounts.SignInAsync(App, services, servicesPassword);
        var student = (await App.NewTutorGroupAsync(1)).Students[0]; // a student of its own
        var opened = await office.PostAsJsonAsync($"/api/v1/students/{student}/cases", new { stage = 4, reason = "Attendance", summary = "Attendance below 50% since October" });
        var id = (await opened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        await office.PostAsJsonAsync($"/api/v1/cases/{id}/moves", new { version = 0, stage = 5, why = "Parenting contract broken; referred to SLT" });

        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, leader, leaderPassword);
        await page.GotoAsync(new Uri(App.BaseAddress, "/inbox").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases for the senior leadership team: take one to make it yours" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "inbox-senior-leader");
        await page.Locator($"a[href='/cases/{id}']").First.ClickAsync();
        await AccessibleAsync(page, "case-for-senior-leaders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take this case" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Taken by Test Person for the senior leadership team")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Take this case" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // The safeguarding lead's audit log holds the trail of safeguarding concerns, and nothing else.
        var (dsl, dslPassword) = await App.NewStaffAsync("safeguarding-lead");
        page = await NewPageAsync(1280, 900);
        await SignInAsync(page, dsl, dslPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await AccessibleAsync(page, "audit-log-safeguarding");
        await Assertions.Expect(page.Locator("td", new() { HasText = "Student's profile" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // A refused sign-in says the same thing whatever the reason.
        page = await NewPageAsync(1280, 900);
        await page.GotoAsync(new Uri(App.BaseAddress, "/sign-in").ToString());
        await page.GetByLabel("E-mail address").FillAsync("nobody@riverside.example");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The e-mail address or password is not right").First).ToBeVisibleAsync();
        await AccessibleAsync(page, "sign-in-refused");
        await page.Context.CloseAsync();
    }
}

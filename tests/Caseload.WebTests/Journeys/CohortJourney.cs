using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class CohortJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_progress_leader_sees_their_year_as_a_cohort_with_charts_tables_and_exports()
    {
        var email = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'progress-leader' ORDER BY s.id LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cohorts" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vulnerable groups against everyone else" })).ToBeVisibleAsync();
        // Every chart has its numbers in a table: as many tutor groups in the table as bars in the chart.
        var groups = await page.GetByTestId("cohort-breakdown").Locator("tbody tr").CountAsync();
        Assert.True(groups > 1);
        var bars = await page.EvaluateAsync<int>("() => window.Chart.getChart(document.querySelector('canvas[data-bar-chart]')).data.labels.length");
        Assert.Equal(groups, bars);
        Assert.Equal(6, await page.GetByTestId("cohort-vulnerable").Locator("tbody tr").CountAsync());
        await AccessibleAsync(page, "cohort-year");

        var csv = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.Contains("Vulnerable groups", await csv.TextAsync());
        var xlsx = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Excel" }).GetAttributeAsync("href") ?? "");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Headers["content-type"]);

        // A tutor group of the year, from the table's link.
        await page.GetByTestId("cohort-breakdown").Locator("tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tutor group", Exact = false })).ToBeVisibleAsync();
        await AccessibleAsync(page, "cohort-group");
    }
}

using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class TutorCaseloadJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_tutor_signs_in_sees_the_caseload_opens_a_student_and_sees_the_attendance_chart()
    {
        var email = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor' ORDER BY s.id LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await AccessibleAsync(page, "sign-in", "/sign-in");
        await SignInAsync(page, email);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload" })).ToBeVisibleAsync();
        var rows = page.Locator("table.app-caseload tbody tr");
        await page.WaitForLoadStateAsync(LoadState.Load);
        // A tutor's caseload of about 180, fifty at a time, most in need first, the first reason in words and the rest on demand.
        var total = int.Parse((await page.GetByText(" students (showing 1 to 50)").InnerTextAsync()).Split(" of ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(total, 100, 250);
        Assert.Equal(50, await rows.CountAsync());
        Assert.Contains("%", await rows.First.InnerTextAsync());
        await AccessibleAsync(page, "caseload");
        var first = await rows.First.Locator("a[href^='/students/']").First.InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Page 2" }).ClickAsync();
        await Assertions.Expect(page.GetByText(" students (showing 51 to 100)")).ToBeVisibleAsync();
        Assert.DoesNotContain(first, await page.Locator("table.app-caseload tbody").InnerTextAsync(), StringComparison.Ordinal);
        // Sorted on the server by this term's attendance, lowest first, across the whole caseload (not just this page).
        await page.GetByRole(AriaRole.Link, new() { Name = "Term", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("sorted by attendance this term, lowest first")).ToBeVisibleAsync();
        await page.GetByTestId("show-all").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(total);
        var terms = await page.Locator("table.app-caseload tbody td[data-label=Term]").AllInnerTextsAsync();
        var figures = terms.Where(t => t.Trim() != "–%").Select(t => decimal.Parse(t.Trim().TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(figures.Count > 50);
        Assert.Equal(figures.Order(), figures);
        await page.GetByRole(AriaRole.Link, new() { Name = "My caseload" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(50);

        await rows.First.Locator("a[href^='/students/']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attendance by week" })).ToBeVisibleAsync();
        // Chart.js has drawn the weekly chart on the canvas, and the same numbers are in a table beside it. (The script runs
        // after the page shows: on a busy machine, wait for the chart rather than read it the moment the heading appears.)
        await page.WaitForFunctionAsync("() => { const c = document.querySelector('canvas'); return !!(c && window.Chart && window.Chart.getChart(c)); }", null, new() { Timeout = 15_000 })
            .ContinueWith(_ => { }, TaskScheduler.Default);
        var points = await page.EvaluateAsync<int>("() => { const c = document.querySelector('canvas'); const chart = c && window.Chart && window.Chart.getChart(c); return chart ? chart.data.datasets[0].data.length : 0; }");
        Assert.True(points > 0, "the attendance chart has been drawn with one point a week");
        Assert.Equal(points, await page.Locator("[data-testid=weekly-attendance] tbody tr").CountAsync());
        // The calendar of marks has a row for every week of the term with marks.
        Assert.True(await page.Locator("[data-testid=marks-calendar] tbody tr").CountAsync() >= 8);
        await AccessibleAsync(page, "profile");

        // The timeline, and its filter down to attendance alerts only.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        var entries = page.Locator("[data-testid=timeline] .moj-timeline__item");
        var all = await entries.CountAsync();
        Assert.True(all > 0, "the timeline shows what happened");
        await page.GetByLabel("Show").SelectOptionAsync("AttendanceAlert");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline] .moj-timeline__title").First).ToHaveTextAsync("Attendance alert");
        var alerts = await entries.CountAsync();
        Assert.InRange(alerts, 1, all);
        Assert.Equal(alerts, await page.Locator("[data-testid=timeline] .moj-timeline__title", new() { HasText = "Attendance alert" }).CountAsync());
        await AccessibleAsync(page, "profile-timeline");

        // Tablet width: the same pages still work without sideways scrolling of the whole page.
        await page.SetViewportSizeAsync(820, 1180);
        await AccessibleAsync(page, "profile-tablet");
        await page.GotoAsync(new Uri(App.BaseAddress, "/groups").ToString());
        await AccessibleAsync(page, "groups");
        await page.GotoAsync(new Uri(App.BaseAddress, "/api").ToString());
        await AccessibleAsync(page, "api-reference");
        await page.GotoAsync(new Uri(App.BaseAddress, "/no-such-page").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "not-found");
    }
}

using System.Globalization;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

/// <summary>
/// A progress leader's morning: she lands on her inbox, which opens with today — who is absent and how many incidents
/// wait in the behaviour log — and every long list of her 600 students arrives 50 rows at a time with "show all".
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class LeaderMorningJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_progress_leader_starts_from_today_sees_who_is_absent_no_reason_first_and_pages_through_her_year()
    {
        var leader = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'progress-leader'
              AND EXISTS (SELECT 1 FROM year_groups y WHERE y.progress_leader_staff_id = s.id) ORDER BY s.id LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, leader);
        Assert.EndsWith("/inbox", page.Url, StringComparison.Ordinal);

        // Today's panel: the incidents waiting are the number beside "Behaviour log".
        var panel = page.GetByTestId("today-panel");
        await Assertions.Expect(panel).ToContainTextAsync(Caseload.Tests.TestDay.Today.ToString("dddd d MMMM", CultureInfo.InvariantCulture));
        var badge = await page.GetByRole(AriaRole.Link, new() { Name = "Behaviour log" }).First.InnerTextAsync();
        var waiting = System.Text.RegularExpressions.Regex.Match(badge, @"\((\d+)\)") is { Success: true } m ? m.Groups[1].Value : "0";
        await Assertions.Expect(panel.GetByTestId("today-incidents")).ToContainTextAsync($"{waiting} incident");
        await AccessibleAsync(page, "leader-inbox-today");

        // Who is absent: today's registers, or (before any are taken) the last day that has them.
        await panel.GetByTestId("today-absent").GetByRole(AriaRole.Link).ClickAsync();
        var day = new Uri(page.Url).Query is { Length: > 0 } q && System.Web.HttpUtility.ParseQueryString(q)["Day"] is { } d
            ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : Caseload.Tests.TestDay.Today;
        var ofYear = $"""
            FROM attendance_marks m JOIN students st ON st.id = m.student_id AND st.on_roll
            JOIN year_groups y ON y.id = st.year_group_id JOIN staff s ON s.id = y.progress_leader_staff_id AND s.email = '{leader}'
            JOIN attendance_codes c ON c.institution_id = st.institution_id AND c.code = m.code
            WHERE m.date = '{day:yyyy-MM-dd}' AND c.meaning IN (2, 3)
            """;
        var absent = (await App.QueryAsync<long>("SELECT COUNT(DISTINCT m.student_id) " + ofYear)).Single();
        var noReason = (await App.QueryAsync<long>("SELECT COUNT(DISTINCT m.student_id) " + ofYear + " AND m.code = 'N'")).Single();
        Assert.True(absent > 0, $"the demo has absences on {day}");
        await Assertions.Expect(page.GetByTestId("absent-summary")).ToContainTextAsync($"{absent} of your ");
        var rows = page.GetByTestId("absent-today").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync((int)Math.Min(absent, 50));
        // No reason yet first: the red tags are the top rows, as many as the database has students with an N that day.
        var tags = await rows.EvaluateAllAsync<bool[]>("rows => rows.map(r => r.innerText.includes('No reason yet'))");
        Assert.Equal(Enumerable.Range(0, tags.Length).Select(i => i < Math.Min(noReason, 50)), tags);
        await AccessibleAsync(page, "absent-today");

        // The 1:1 schedule of every student in her year: 50 rows, then all 600 on asking.
        await page.GotoAsync(new Uri(App.BaseAddress, "/one-to-ones?all=true").ToString());
        var students = (await App.QueryAsync<long>($"""
            SELECT COUNT(*) FROM students st JOIN year_groups y ON y.id = st.year_group_id JOIN staff s ON s.id = y.progress_leader_staff_id
            WHERE s.email = '{leader}' AND st.on_roll
            """)).Single();
        Assert.True(students > 100, "a demo year group is hundreds of students");
        var schedule = page.GetByTestId("one-to-one-schedule").Locator("tbody tr");
        await Assertions.Expect(schedule).ToHaveCountAsync(50);
        await Assertions.Expect(page.GetByTestId("one-to-one-range")).ToHaveTextAsync($"Showing 1 to 50 of {students}, soonest due first.");
        var firstPage = await schedule.First.InnerTextAsync();
        await page.GetByTestId("pager-rows").GetByRole(AriaRole.Link, new() { Name = "Page 2" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("one-to-one-range")).ToHaveTextAsync($"Showing 51 to 100 of {students}, soonest due first.");
        Assert.NotEqual(firstPage, await schedule.First.InnerTextAsync());
        Assert.Contains("all=true", page.Url, StringComparison.Ordinal); // the view's own setting is kept
        await AccessibleAsync(page, "one-to-ones-page-2");
        await page.GetByTestId("show-all-rows").ClickAsync();
        await Assertions.Expect(schedule).ToHaveCountAsync((int)students);
    }
}

using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class IncidentJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_progress_leader_records_an_incident_with_a_victim_and_marks_it_dealt_with_on_the_daily_log()
    {
        var leader = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'progress-leader'
              AND EXISTS (SELECT 1 FROM year_groups y WHERE y.progress_leader_staff_id = s.id) ORDER BY s.id DESC LIMIT 1
            """)).Single();
        var year = $"""
            FROM students st JOIN year_groups y ON y.id = st.year_group_id JOIN staff s ON s.id = y.progress_leader_staff_id
            JOIN tutor_groups g ON g.id = st.tutor_group_id WHERE s.email = '{leader}' AND st.on_roll ORDER BY st.id DESC LIMIT 2
            """;
        var choices = await App.QueryAsync<string>("SELECT COALESCE(st.preferred_name, st.first_name) || ' ' || st.last_name || ' (' || g.code || ') [#' || st.id || ']' " + year);
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, leader);
        await page.GetByRole(AriaRole.Link, new() { Name = "Behaviour log" }).First.ClickAsync();
        // The number beside the link is the number waiting on the log, however old.
        var waiting = int.Parse(System.Text.RegularExpressions.Regex.Match(
            await page.GetByRole(AriaRole.Link, new() { Name = "Behaviour log" }).First.InnerTextAsync(), @"^Behaviour log \((\d+)\)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("log-summary")).ToContainTextAsync($"{waiting} incident");
        // Any dates: the last school day's events (on a Monday, Friday's).
        var lastDay = Caseload.Core.Rules.SchoolDays.Previous(Caseload.Tests.TestDay.Today);
        await page.GetByLabel("From", new() { Exact = true }).FillAsync(lastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(lastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show these dates" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("log-summary")).ToContainTextAsync(lastDay.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + " to ");
        await AccessibleAsync(page, "behaviour-log-dates");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to what is waiting" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an incident" }).ClickAsync();
        await page.GetByLabel("Category").SelectOptionAsync("Bullying");
        await page.GetByLabel("What happened").FillAsync("Filmed another student in the changing room and shared it.");
        await page.Locator("#involved-0-student").FillAsync(choices[0]);
        await page.Locator("#involved-0-points").FillAsync("-4");
        await page.Locator("#involved-1-student").FillAsync(choices[1]);
        await AccessibleAsync(page, "incident");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save incident" }).ClickAsync();

        // Back on the log: the perpetrator's row names the victim in their role; the victim has no row of their own.
        var perpetrator = choices[0][..choices[0].IndexOf(" (", StringComparison.Ordinal)];
        var victim = choices[1][..choices[1].IndexOf(" (", StringComparison.Ordinal)];
        var row = page.GetByTestId("behaviour-log").Locator("tr", new() { HasText = "Filmed another student" });
        await Assertions.Expect(row).ToContainTextAsync(perpetrator);
        await Assertions.Expect(row).ToContainTextAsync($"{victim} (victim)");
        await Assertions.Expect(row).ToContainTextAsync("-4");
        await AccessibleAsync(page, "behaviour-log");
        await row.GetByRole(AriaRole.Textbox).FillAsync("Both seen; parents of both called");
        await row.GetByRole(AriaRole.Button, new() { Name = "Mark dealt with", Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("behaviour-log").Locator("tr", new() { HasText = "Filmed another student" }).GetByTestId("dealt-with"))
            .ToContainTextAsync("Both seen; parents of both called");

        // Three more at once, with one note (on a Monday: Friday's and anything older nobody has dealt with). Saving the
        // incident showed its day; what waits is one link away, 50 at a time.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to what is waiting" }).ClickAsync();
        var ticks = page.GetByTestId("behaviour-log").Locator("input[type=checkbox][name=eventIds]");
        Assert.True(await ticks.CountAsync() >= 3, "the demo leaves a leader several incidents to review");
        var ids = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            ids.Add((await ticks.Nth(n).GetAttributeAsync("value"))!);
            await ticks.Nth(n).CheckAsync();
        }
        await page.GetByLabel("Note for the ticked incidents (optional)").FillAsync("Seen at the year team meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark the ticked dealt with" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("marked")).ToContainTextAsync("3 incidents marked dealt with.");
        // The new one (dealt with at once) and the three: the count beside the link is three fewer than at the start.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Behaviour log" }).First).ToHaveTextAsync(waiting - 3 > 0 ? $"Behaviour log ({waiting - 3})" : "Behaviour log");
        Assert.Equal(3, (await App.QueryAsync<long>($"SELECT COUNT(*) FROM behaviour_reviews WHERE note = 'Seen at the year team meeting' AND behaviour_event_id IN ({string.Join(",", ids)})")).Single());
        await AccessibleAsync(page, "behaviour-log-marked");
    }
}

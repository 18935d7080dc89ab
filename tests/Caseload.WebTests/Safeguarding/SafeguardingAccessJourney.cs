using System.Globalization;
using System.Net;
using Caseload.WebTests.Journeys;
using Microsoft.Playwright;

namespace Caseload.WebTests.Safeguarding;

/// <summary>
/// Safeguarding access levels (decision 0015) in the browser: the lead makes one member of staff a deputy for one year
/// group and another trusted; the deputy must set up two-factor sign-in, then reads the concern in their year and not
/// the one in another; the lead shares the other concern with the trusted member of staff, who reads that one only.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SafeguardingAccessJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task The_lead_names_a_deputy_for_one_year_and_trusted_staff_and_each_reads_exactly_what_the_level_gives()
    {
        // Two subject teachers of the test's own (never staff another test uses or changes), and two children in
        // different year groups.
        var (deputy, deputyPassword) = await App.NewStaffAsync("subject-teacher");
        var (trusted, trustedPassword) = await App.NewStaffAsync("subject-teacher");
        var trustedId = (await App.QueryAsync<long>($"SELECT id FROM staff WHERE email = '{trusted}'")).Single();
        var children = await App.QueryAsync<long>("""
            SELECT MIN(st.id) FROM students st JOIN institutions i ON i.id = st.institution_id AND i.code = 'DEMO' WHERE st.on_roll
            GROUP BY st.year_group_id ORDER BY MIN(st.id) LIMIT 2
            """);
        var (inYear, otherYear) = (children[0], children[1]);
        var year = (await App.QueryAsync<string>($"SELECT y.name FROM students st JOIN year_groups y ON y.id = st.year_group_id WHERE st.id = {inYear}")).Single();
        var leadEmail = await App.EmailOfAsync("safeguarding-lead");

        // The lead reports a concern about each child (anyone may report).
        using var leadHttp = await Accounts.SignInAsync(App, leadEmail);
        async Task<long> ReportAsync(long student, string what)
        {
            var answer = await Accounts.PostFormAsync(leadHttp, $"/students/{student}/safeguarding/new", new()
            {
                ["Urgency"] = "Soon",
                ["OccurredOn"] = Caseload.Tests.TestDay.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["What"] = what,
                ["Categories"] = "Neglect",
            });
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            return long.Parse(answer.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0], CultureInfo.InvariantCulture);
        }
        var first = await ReportAsync(inYear, "Access marker one: no coat in the snow");
        var second = await ReportAsync(otherYear, "Access marker two: asleep in every lesson");

        // The lead gives the levels on the access page.
        var lead = await NewPageAsync(1280, 900);
        await SignInAsync(lead, leadEmail);
        await lead.GotoAsync(new Uri(App.BaseAddress, "/inbox").ToString());
        await lead.GetByRole(AriaRole.Link, new() { Name = "Safeguarding access" }).First.ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Give this level" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("access-error")).ToHaveTextAsync("Choose a member of staff and a level.");
        await lead.GetByLabel("Member of staff").SelectOptionAsync(new SelectOptionValue { Label = (await LabelOfAsync(deputy)) });
        await lead.GetByLabel("Deputy designated safeguarding lead").CheckAsync();
        await lead.Locator("summary", new() { HasText = "Limit to some year groups or categories" }).ClickAsync();
        await lead.GetByLabel(year, new() { Exact = true }).CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Give this level" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("access-done")).ToBeVisibleAsync();
        await lead.GetByLabel("Member of staff").SelectOptionAsync(new SelectOptionValue { Label = (await LabelOfAsync(trusted)) });
        await lead.GetByLabel("Trusted", new() { Exact = true }).CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Give this level" }).ClickAsync();
        var holders = lead.GetByTestId("access-holders");
        await Assertions.Expect(holders.Locator("tr", new() { HasText = deputy })).ToContainTextAsync("Deputy");
        await Assertions.Expect(holders.Locator("tr", new() { HasText = deputy })).ToContainTextAsync(year);
        await Assertions.Expect(holders.Locator("tr", new() { HasText = deputy })).ToContainTextAsync("Not yet");
        await Assertions.Expect(holders.Locator("tr", new() { HasText = trusted })).ToContainTextAsync("Trusted");
        await AccessibleAsync(lead, "safeguarding-access");

        // The deputy is made to set up two-factor sign-in first; then reads the concern in their year, not the other.
        Assert.Null(Accounts.KeyOf(deputy));
        using (var http = await Accounts.SignInAsync(App, deputy, deputyPassword))
        {
            Assert.NotNull(Accounts.KeyOf(deputy)); // the sign-in above was sent to set it up
            var chronology = await http.GetAsync(new Uri($"/students/{inYear}/safeguarding", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, chronology.StatusCode);
            Assert.Contains("Access marker one", await chronology.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/students/{otherYear}/safeguarding", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/referrals/{second}", UriKind.Relative))).StatusCode);
            var inbox = await http.GetStringAsync(new Uri("/inbox", UriKind.Relative));
            Assert.Contains($"/referrals/{first}\"", inbox, StringComparison.Ordinal);
            Assert.DoesNotContain($"/referrals/{second}\"", inbox, StringComparison.Ordinal);
            Assert.DoesNotContain("Access marker two", inbox, StringComparison.Ordinal);
        }

        // The deputy in the browser: their year's chronology, and the categories to read (only the lead edits them).
        var deputyPage = await NewPageAsync(1280, 900);
        await SignInAsync(deputyPage, deputy, deputyPassword);
        await deputyPage.GotoAsync(new Uri(App.BaseAddress, "/safeguarding/categories").ToString());
        await Assertions.Expect(deputyPage.GetByTestId("category-list")).ToContainTextAsync("Neglect");
        await Assertions.Expect(deputyPage.GetByRole(AriaRole.Button, new() { Name = "Save the list" })).ToHaveCountAsync(0);
        await AccessibleAsync(deputyPage, "safeguarding-categories-deputy");
        await AccessibleAsync(deputyPage, "safeguarding-chronology-deputy", $"/students/{inYear}/safeguarding");

        // Trusted staff read nothing until the lead shares a concern with them.
        using (var http = await Accounts.SignInAsync(App, trusted, trustedPassword))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/students/{otherYear}/safeguarding", UriKind.Relative))).StatusCode);
        }
        await lead.GotoAsync(new Uri(App.BaseAddress, $"/students/{otherYear}/safeguarding").ToString());
        var concern = lead.Locator($"#concern-{second}");
        await concern.Locator("summary", new() { HasText = "Share with trusted staff" }).ClickAsync();
        await concern.GetByLabel("Who (they read this concern in full, nothing else of the record)").SelectOptionAsync(trustedId.ToString(CultureInfo.InvariantCulture));
        await concern.GetByRole(AriaRole.Button, new() { Name = "Share" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId($"shared-with-{second}")).ToContainTextAsync("Test Person");
        using (var http = await Accounts.SignInAsync(App, trusted, trustedPassword))
        {
            var chronology = await http.GetStringAsync(new Uri($"/students/{otherYear}/safeguarding", UriKind.Relative));
            Assert.Contains("Access marker two", chronology, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"trusted-banner\"", chronology, StringComparison.Ordinal);
            Assert.DoesNotContain("Record a decision", chronology, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/students/{inYear}/safeguarding", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/safeguarding/access", UriKind.Relative))).StatusCode);
        }
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, trusted, trustedPassword);
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{otherYear}/safeguarding").ToString());
        await Assertions.Expect(page.GetByTestId("trusted-banner")).ToBeVisibleAsync();
        await AccessibleAsync(page, "safeguarding-trusted");

        async Task<string> LabelOfAsync(string email) =>
            (await App.QueryAsync<string>($"SELECT last_name || ', ' || first_name || ' (' || email || ')' FROM staff WHERE email = '{email}'")).Single();
    }
}

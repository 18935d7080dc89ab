using System.Globalization;
using System.Net;
using Caseload.WebTests.Journeys;
using Microsoft.Playwright;

namespace Caseload.WebTests.Safeguarding;

/// <summary>
/// The safeguarding record (decision 0014) in the browser: a tutor reports a concern with when, where, the child's words
/// and categories; the safeguarding lead reads it in the child's chronology, records a decision with reasons and adds a
/// note; the tutor, an administrator and a senior leader find no trace of the words or the chronology anywhere.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SafeguardingRecordJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_tutor_reports_a_concern_the_lead_triages_it_in_the_chronology_and_nobody_else_sees_a_word()
    {
        const string words = "Chronology marker: he hits me when";
        // A demo tutor (T…), never a member of staff another test made for itself (X…, with a password of its own).
        var tutor = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor' AND s.external_id LIKE 'T%'
              AND EXISTS (SELECT 1 FROM tutor_groups g WHERE g.tutor_staff_id = s.id) ORDER BY s.id DESC LIMIT 1
            """)).Single();
        var student = (await App.QueryAsync<long>($"""
            SELECT st.id FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff s ON s.id = g.tutor_staff_id
            WHERE s.email = '{tutor}' AND st.on_roll ORDER BY st.id LIMIT 1
            """)).Single();
        var yesterday = Caseload.Tests.TestDay.Today.AddDays(-1);
        // Another of the tutor's tutees, named as involved.
        var (other, otherChoice) = (await App.QueryAsync<string>($"""
            SELECT st.id || '|' || COALESCE(st.preferred_name, st.first_name) || ' ' || st.last_name || ' (' || g.code || ') [' || st.external_id || ']'
            FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff s ON s.id = g.tutor_staff_id
            WHERE s.email = '{tutor}' AND st.on_roll AND st.id <> {student} ORDER BY st.id LIMIT 1
            """)).Single().Split('|') switch { var p => (long.Parse(p[0], CultureInfo.InvariantCulture), p[1]) };

        // The tutor reports from the student's page: the first try without a category is refused, keeping what was typed.
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, tutor);
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a safeguarding concern" }).ClickAsync();
        await page.GetByLabel("Date it happened (or was seen or told)").FillAsync(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Time (optional)").FillAsync("15:20");
        await page.GetByLabel("Where (optional)").FillAsync("Bus stop outside the main gate");
        await page.GetByLabel("What happened").FillAsync("Came back upset after lunch; a mark on the neck.");
        await page.GetByLabel("The child's own words (optional)").FillAsync(words);
        // A mark on the body map by a click on the front outline's left forearm (the child's left: the viewer's right),
        // which fills the first mark row; its note is typed.
        await page.GetByTestId("outline-front").ClickAsync(new() { Position = new() { X = (81 + 2) * 120f / 104, Y = (96 + 2) * 258f / 224 } });
        await Assertions.Expect(page.GetByLabel("Part of the body").First).ToHaveValueAsync("Left forearm");
        await Assertions.Expect(page.GetByLabel("Mark 1: side")).ToHaveValueAsync("Front");
        await page.GetByLabel("What you saw").First.FillAsync("Bruise, 3 cm, purple");
        await AccessibleAsync(page, "safeguarding-report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the safeguarding team" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("safeguarding-error")).ToHaveTextAsync("Choose at least one category: what the concern is about.");
        await Assertions.Expect(page.GetByLabel("The child's own words (optional)")).ToHaveValueAsync(words);
        await page.GetByLabel("Physical abuse").CheckAsync();
        await page.GetByLabel("Domestic abuse").CheckAsync();
        await page.GetByLabel("Other child 1", new() { Exact = true }).FillAsync(otherChoice);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the safeguarding team" }).ClickAsync();
        // The receipt: sent, and not one of the words.
        await Assertions.Expect(page.GetByTestId("raised")).ToContainTextAsync("Sent to");
        Assert.DoesNotContain(words, await page.ContentAsync(), StringComparison.Ordinal);
        var id = long.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);

        // The lead: the concern's page leads to the chronology, with the words, the place and the categories.
        var lead = await NewPageAsync(1280, 900);
        await SignInAsync(lead, await App.EmailOfAsync("safeguarding-lead"));
        await lead.GotoAsync(new Uri(App.BaseAddress, $"/referrals/{id}").ToString());
        await lead.GetByTestId("chronology-link").ClickAsync();
        var concern = lead.Locator($"#concern-{id}");
        await Assertions.Expect(concern).ToContainTextAsync(words);
        await Assertions.Expect(concern).ToContainTextAsync("Bus stop outside the main gate");
        await Assertions.Expect(concern).ToContainTextAsync("Physical abuse, Domestic abuse");
        await Assertions.Expect(concern.GetByTestId("body-map")).ToContainTextAsync("Front, left forearm: Bruise, 3 cm, purple");
        await Assertions.Expect(concern.GetByRole(AriaRole.Img, new() { Name = "Front: 1 Left forearm" })).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByTestId($"involved-{id}")).ToContainTextAsync(otherChoice[..otherChoice.IndexOf(" (", StringComparison.Ordinal)]);
        await Assertions.Expect(concern).ToContainTextAsync(yesterday.ToString("ddd d MMMM yyyy", CultureInfo.InvariantCulture) + ", 15:20");
        // A decision without reasons is refused beside the concern; with them it is saved and the concern is acted on.
        await concern.GetByText("Record a decision").ClickAsync();
        await concern.GetByLabel("Refer to children's social care").CheckAsync();
        await concern.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("triage-error")).ToHaveTextAsync("Write the reasons for the decision.");
        concern = lead.Locator($"#concern-{id}");
        await concern.GetByLabel("Reasons for the decision").FillAsync("Injury and a disclosure naming an adult at home: threshold met.");
        await concern.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("chronology")).ToContainTextAsync("decision: Refer to children's social care");
        await Assertions.Expect(lead.Locator($"#concern-{id}")).ToContainTextAsync("Acted on");
        await lead.GetByLabel("Note", new() { Exact = true }).FillAsync("Called children's services front door; reference taken.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("chronology")).ToContainTextAsync("reference taken");
        // A file kept with the concern: a text file named .pdf is refused; the real PDF is kept, encrypted, for the team.
        var pdf = "%PDF-1.4\nAttachment marker: referral form\n%%EOF"u8.ToArray();
        concern = lead.Locator($"#concern-{id}");
        await concern.Locator("summary", new() { HasText = "Attach a file" }).ClickAsync();
        await concern.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "fake.pdf", MimeType = "application/pdf", Buffer = "not a pdf"u8.ToArray() });
        await concern.GetByRole(AriaRole.Button, new() { Name = "Attach", Exact = true }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("triage-error")).ToContainTextAsync("The file fake.pdf is not a PDF, JPEG, PNG or Word (.docx) file");
        concern = lead.Locator($"#concern-{id}");
        await concern.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "mash-referral.pdf", MimeType = "application/pdf", Buffer = pdf });
        await concern.GetByRole(AriaRole.Button, new() { Name = "Attach", Exact = true }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId($"attachments-{id}")).ToContainTextAsync("mash-referral.pdf");
        var fileLink = await lead.GetByTestId($"attachments-{id}").GetByRole(AriaRole.Link).First.GetAttributeAsync("href");
        // An action for the tutor, not shared: her inbox says only that the team asked something of her.
        var tutorName = (await App.QueryAsync<string>($"SELECT first_name || ' ' || last_name FROM staff WHERE email = '{tutor}'")).Single();
        concern = lead.Locator($"#concern-{id}");
        await concern.GetByText("Set an action for someone").ClickAsync();
        await concern.GetByLabel("For", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = tutorName });
        await concern.GetByLabel("What to do", new() { Exact = true }).FillAsync("Walk him to the bus after school this week.");
        await concern.GetByRole(AriaRole.Button, new() { Name = "Set the action" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("chronology")).ToContainTextAsync($"action for {tutorName}");
        await AccessibleAsync(lead, "safeguarding-chronology");
        await page.GotoAsync(new Uri(App.BaseAddress, "/inbox").ToString());
        var task = page.GetByTestId("inbox-safeguardingactiondue");
        await Assertions.Expect(task).ToContainTextAsync("An action from the safeguarding team");
        Assert.DoesNotContain("Walk him", await page.ContentAsync(), StringComparison.Ordinal);
        await task.GetByRole(AriaRole.Link, new() { Name = "An action from the safeguarding team", Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-text")).ToContainTextAsync("Speak to");
        await AccessibleAsync(page, "safeguarding-action");
        await page.GetByLabel("What you did (only the safeguarding team reads this)").FillAsync("Spoke to him at the gate; he seemed calmer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToContainTextAsync(tutorName);
        // Back with the lead: the action is done, with the tutor's words; the concern closes with a monitoring review.
        await lead.ReloadAsync();
        await Assertions.Expect(lead.GetByTestId("chronology")).ToContainTextAsync("he seemed calmer");
        concern = lead.Locator($"#concern-{id}");
        await concern.Locator("summary", new() { HasText = "Close the concern" }).ClickAsync();
        await concern.GetByLabel("Outcome, and why it can close").FillAsync("Social care assessment under way; school's part done.");
        await concern.GetByLabel("Monitor the child until (optional)").FillAsync(Caseload.Tests.TestDay.Today.AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await concern.GetByRole(AriaRole.Button, new() { Name = "Close the concern" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("monitoring")).ToContainTextAsync("review by " + Caseload.Tests.TestDay.Today.AddDays(28).ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        await Assertions.Expect(lead.Locator($"#concern-{id}")).ToContainTextAsync("Closed");
        await AccessibleAsync(lead, "safeguarding-chronology-closed");
        // The other child's record: the concern is there without a word or a name until the lead links it.
        await lead.GotoAsync(new Uri(App.BaseAddress, $"/students/{other}/safeguarding").ToString());
        await Assertions.Expect(lead.GetByTestId($"unlinked-{id}")).ToBeVisibleAsync();
        Assert.DoesNotContain(words, await lead.ContentAsync(), StringComparison.Ordinal);
        await AccessibleAsync(lead, "safeguarding-involved-unlinked");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Link it to this child's record" }).ClickAsync();
        await Assertions.Expect(lead.Locator($"#concern-{id}")).ToContainTextAsync(words);
        await Assertions.Expect(lead.GetByTestId($"recorded-for-{id}")).ToBeVisibleAsync();
        await lead.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}/safeguarding").ToString());
        // The lead downloads the chronology: every line, the child's words among them.
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.GetByTestId("chronology-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(words, csv, StringComparison.Ordinal);
        foreach (var part in new[] { "Concern reported", "Triage", "Note", "Action", "Closed", "Monitoring", "Walk him to the bus", "he seemed calmer", "threshold met" })
        {
            Assert.Contains(part, csv, StringComparison.Ordinal);
        }
        // The lead finds the record's trail in the audit log (so the sweep below looks for something that exists).
        using (var dsl = await Accounts.SignInAsync(App, await App.EmailOfAsync("safeguarding-lead")))
        {
            Assert.Matches("Safeguarding entry <span", await dsl.GetStringAsync(new Uri("/admin/audit?Entity=SafeguardingEntry", UriKind.Relative)));
            Assert.Matches("Safeguarding details <span", await dsl.GetStringAsync(new Uri("/admin/audit?Entity=SafeguardingDetails", UriKind.Relative)));
        }

        var actionId = (await App.QueryAsync<long>($"SELECT id FROM safeguarding_entries WHERE referral_id = {id} AND kind = 'Action'")).Single();
        using (var dsl = await Accounts.SignInAsync(App, await App.EmailOfAsync("safeguarding-lead")))
        {
            Assert.Equal(pdf, await dsl.GetByteArrayAsync(new Uri(fileLink!, UriKind.Relative)));
        }
        // Nobody else: the chronology is "not found", and no page they reach holds the words.
        foreach (var role in new[] { "administrator", "senior-leader" })
        {
            await SweepAsync(await App.EmailOfAsync(role));
        }
        await SweepAsync(tutor);

        // Break-glass: a senior leader gives a reason and reads the record (not the forms); the lead's inbox says so.
        var senior = await NewPageAsync(1280, 900);
        await SignInAsync(senior, await App.EmailOfAsync("senior-leader"));
        await senior.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}").ToString());
        await senior.GetByRole(AriaRole.Link, new() { Name = "Open the safeguarding record (emergency)" }).ClickAsync();
        await senior.GetByLabel("Why you need to open it now").FillAsync("Police at reception; safeguarding team unreachable.");
        await senior.GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(senior.GetByTestId("break-glass-banner")).ToBeVisibleAsync();
        await Assertions.Expect(senior.Locator($"#concern-{id}")).ToContainTextAsync(words);
        await Assertions.Expect(senior.GetByRole(AriaRole.Button, new() { Name = "Add the note" })).ToHaveCountAsync(0);
        await AccessibleAsync(senior, "safeguarding-break-glass");
        await lead.GotoAsync(new Uri(App.BaseAddress, "/inbox").ToString());
        await Assertions.Expect(lead.GetByTestId("inbox-breakglass")).ToContainTextAsync("Police at reception; safeguarding team unreachable.");

        async Task SweepAsync(string email)
        {
            using var http = await Accounts.SignInAsync(App, email);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/students/{student}/safeguarding", UriKind.Relative))).StatusCode);
            // The action's page: its owner only (and the safeguarding team).
            Assert.Equal(email == tutor ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/safeguarding/actions/{actionId}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(fileLink!, UriKind.Relative))).StatusCode);
            foreach (var path in new[] { "/caseload", "/inbox", "/referrals", $"/students/{student}", $"/referrals/{id}", "/safeguarding/actions/" + actionId, $"/api/v1/students/{student}/timeline", "/api/v1/referrals",
                "/admin/audit", "/admin/audit?Entity=SafeguardingDetails", "/admin/audit?Entity=SafeguardingEntry", "/admin/audit?Format=csv" })
            {
                var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{email} {path}: {response.StatusCode}");
                Assert.False(body.Contains(words, StringComparison.Ordinal), $"{email} {path} shows the child's words");
                Assert.False(body.Contains("Bus stop outside", StringComparison.Ordinal), $"{email} {path} shows where it happened");
                Assert.False(body.Contains("threshold met", StringComparison.Ordinal), $"{email} {path} shows the decision's reasons");
                Assert.False(body.Contains("Walk him", StringComparison.Ordinal) || body.Contains("seemed calmer", StringComparison.Ordinal), $"{email} {path} shows the action");
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(body, "Safeguarding(Entry|Details) <span|,Safeguarding(Entry|Details),"), $"{email} {path} shows the record's audit trail");
            }
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caseload.WebTests.Journeys;
using Microsoft.Playwright;

namespace Caseload.WebTests.Destinations;

/// <summary>
/// Progression in the browser: a tutor starts a student's UCAS application, records a firm offer with its grade conditions
/// ("AAB with an A in Psychology") and an insurance offer, is refused a second firm choice, sees the intended destination,
/// finds the student awaiting results on the results-day list and records a follow-up; a senior leader reads last year's
/// leavers' destinations with the sustained counts as text.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DestinationJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_tutor_records_offers_follows_up_on_results_day_and_leaders_read_destinations()
    {
        var (tutorEmail, tutorPassword, students) = await App.NewTutorGroupAsync(1);
        var student = students[0];
        var tutorId = (await App.QueryAsync<string>($"SELECT external_id FROM staff WHERE email = '{tutorEmail}'")).Single();
        var external = $"G{tutorId[1..]}S1";
        await App.ImportAsync("enrolments", "student_id,course_code,course_name,qualification,grade_scale,target_grade,start_date\n" +
            $"{external},ALPSY,Psychology,A level,A-LEVEL,B,2026-09-07\n{external},ALSOC,Sociology,A level,A-LEVEL,B,2026-09-07\n{external},ALHIS,History,A level,A-LEVEL,C,2026-09-07\n");

        var tutor = await NewPageAsync(1280, 1000);
        await SignInAsync(tutor, tutorEmail, tutorPassword);
        await tutor.GotoAsync($"/students/{student}");
        await tutor.GetByTestId("progression-link").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("intended")).ToHaveTextAsync("No application recorded yet");
        await Assertions.Expect(tutor.GetByTestId("sustained")).ToContainTextAsync("Not yet known still on roll");
        await tutor.GetByRole(AriaRole.Link, new() { Name = "Start an application and reference" }).ClickAsync();
        await tutor.GetByLabel("Cycle").SelectOptionAsync(new SelectOptionValue { Label = "2027 entry (deadline 14 Jan 2027)" });
        await tutor.GetByLabel("UCAS undergraduate").CheckAsync();
        await tutor.GetByTestId("start").ClickAsync();
        await tutor.GotoAsync($"/students/{student}/progression");

        // The firm offer: AAB with an A in Psychology.
        await AddChoiceAsync(tutor, "University of Leeds", "Psychology", "Conditional offer", "Firm", [("A", "Psychology"), ("A", null), ("B", null)]);
        await Assertions.Expect(tutor.GetByTestId("intended")).ToHaveTextAsync("Psychology, University of Leeds (firm choice)");
        var leeds = tutor.GetByTestId("choice-row").Filter(new() { HasText = "University of Leeds" });
        await Assertions.Expect(leeds).ToContainTextAsync("A in Psychology, AB in other subjects");
        await Assertions.Expect(leeds.GetByTestId("verdict")).ToContainTextAsync("No results yet");

        // A second firm choice is refused, saying which is firm; the form keeps what was typed.
        await AddChoiceAsync(tutor, "University of York", "Psychology", "Conditional offer", "Firm", [("B", null), ("B", null), ("B", null)]);
        await Assertions.Expect(tutor.GetByTestId("progression-error")).ToHaveTextAsync("University of Leeds is already the firm choice; expected one firm choice an application — change that one first.");
        await Assertions.Expect(tutor.GetByTestId("choice-form").GetByLabel("University, college or employer")).ToHaveValueAsync("University of York");
        await tutor.GetByTestId("choice-form").GetByLabel("The student's reply to an offer").SelectOptionAsync(new SelectOptionValue { Label = "Insurance" });
        await tutor.GetByTestId("save-choice").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("choice-row")).ToHaveCountAsync(2);
        await Assertions.Expect(tutor.GetByTestId("choice-row").Filter(new() { HasText = "University of York" }).GetByTestId("reply")).ToHaveTextAsync("Insurance");
        await AccessibleAsync(tutor, "progression");

        // Results day: the student is awaiting results (none imported for 2027 entry yet); the tutor records a follow-up.
        await tutor.GotoAsync("/destinations/results-day");
        var row = tutor.GetByTestId("results-row").Filter(new() { HasText = "Test1 Student" });
        await Assertions.Expect(row).ToContainTextAsync("Awaiting results");
        await Assertions.Expect(row).ToContainTextAsync("Needs A in Psychology, AB in other subjects");
        await Assertions.Expect(tutor.GetByTestId("results-point")).ToContainTextAsync("No results yet for 2027 entry");
        await AccessibleAsync(tutor, "results-day");
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Record a follow-up") }).ClickAsync();
        var section = tutor.Locator("section[data-testid^='application-']");
        await section.GetByLabel("What came of it").SelectOptionAsync(new SelectOptionValue { Label = "Spoken to; nothing settled yet" });
        await section.GetByTestId("record-follow-up").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("progression-error")).ToHaveTextAsync("Write a note saying what was agreed.");
        await section.GetByLabel("Note").FillAsync("Talked through clearing in case; will ring on results day morning.");
        await section.GetByTestId("record-follow-up").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("follow-ups")).ToContainTextAsync("Talked through clearing in case");
        await tutor.GotoAsync("/destinations/results-day");
        await Assertions.Expect(tutor.GetByTestId("results-row").Filter(new() { HasText = "Test1 Student" })).ToContainTextAsync("Spoken to; nothing settled yet");

        // The API says the same and refuses the same: a condition in a course the student does not take; a stale change.
        using (var api = await Accounts.SignInAsync(App, tutorEmail, tutorPassword))
        {
            var progression = await api.GetFromJsonAsync<JsonElement>($"/api/v1/students/{student}/progression");
            Assert.Equal("Psychology, University of Leeds (firm choice)", progression.GetProperty("intended").GetString());
            var application = progression.GetProperty("applications")[0];
            var york = application.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("provider").GetString() == "University of York");
            var off = await api.PostAsJsonAsync($"/api/v1/applications/{application.GetProperty("id").GetInt64()}/choices",
                new { provider = "Durham University", course = "Psychology", status = "ConditionalOffer", reply = "None", conditions = new[] { new { course = "ALMAT", grade = "A" } } });
            Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
            Assert.Contains("a condition names the course 'ALMAT', which the student does not take; expected one of", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var path = $"/api/v1/applications/{application.GetProperty("id").GetInt64()}/choices/{york.GetProperty("id").GetInt64()}";
            var body = new { provider = "University of York", course = "Psychology", status = "Declined", reply = "None", version = york.GetProperty("version").GetInt32() };
            Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync(path, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync(path, body)).StatusCode);
        }

        // A senior leader reads the demo's leavers of 2024/25: their first two terms are over, so the counts are final.
        var leader = await NewPageAsync(1280, 1000);
        await SignInAsync(leader, await App.EmailOfAsync("senior-leader"), Caseload.Core.Security.IdentitySetup.DemoPassword);
        await leader.GotoAsync("/destinations?Year=2024");
        await Assertions.Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "Leavers in 2024/25: 24" })).ToBeVisibleAsync();
        var counts = leader.GetByTestId("destination-counts");
        await Assertions.Expect(counts).ToContainTextAsync("Sustained education");
        await Assertions.Expect(counts.GetByRole(AriaRole.Row).Filter(new() { HasText = "Not yet known" }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("0");
        await AccessibleAsync(leader, "destinations");
        // A leaver's own page says what they did and whether it lasted, in words.
        var notSustained = leader.GetByTestId("leavers").GetByRole(AriaRole.Row).Filter(new() { HasText = "Not sustained" }).First;
        await notSustained.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("sustained")).ToContainTextAsync("Not sustained");
        await Assertions.Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "Progression and destination" })).ToBeVisibleAsync();
        await AccessibleAsync(leader, "leaver-progression");
        await leader.GoBackAsync();
        var sustained = await counts.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sustained, all kinds" }).GetByRole(AriaRole.Cell).First.InnerTextAsync();

        // The same figures download as CSV: the counts, then one line a leaver.
        using var http = await Accounts.SignInAsync(App, await App.EmailOfAsync("senior-leader"), Caseload.Core.Security.IdentitySetup.DemoPassword);
        var csv = await http.GetStringAsync(new Uri("/destinations?Year=2024&Format=csv", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("Not yet known,0,", StringComparison.Ordinal));
        Assert.Equal(int.Parse(sustained, System.Globalization.CultureInfo.InvariantCulture),
            lines.Count(l => l.Contains(",Sustained ", StringComparison.Ordinal)));
    }

    private static async Task AddChoiceAsync(IPage page, string provider, string course, string status, string reply, (string Grade, string? Course)[] conditions)
    {
        var form = page.GetByTestId("choice-form");
        if (!await form.IsVisibleAsync())
        {
            await page.GetByText("Add a choice").ClickAsync();
        }
        await form.GetByLabel("University, college or employer").FillAsync(provider);
        await form.GetByLabel("Course or vacancy").FillAsync(course);
        await form.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = status });
        await form.GetByLabel("The student's reply to an offer").SelectOptionAsync(new SelectOptionValue { Label = reply });
        for (var i = 0; i < conditions.Length; i++)
        {
            await form.GetByTestId("condition-grade").Nth(i).FillAsync(conditions[i].Grade);
            await form.GetByTestId("condition-course").Nth(i).SelectOptionAsync(new SelectOptionValue { Label = conditions[i].Course ?? "any other subject" });
        }
        await form.GetByTestId("save-choice").ClickAsync();
    }
}

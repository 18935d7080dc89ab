using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caseload.WebTests.Journeys;
using Microsoft.Playwright;

namespace Caseload.WebTests.References;

/// <summary>
/// A UCAS reference in the browser: the senior tutor writes the cycle's centre statement; the tutor starts the
/// application and asks three subject teachers; two reply from their inboxes with a paragraph and a predicted grade; the
/// tutor enters the third prediction, signs them off, is refused a draft over 4,000 characters (the live count says so),
/// sends a draft within it; the senior tutor checks and releases. The predicted grades are the teachers'.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ReferenceJourney(WebApp app) : BrowserJourney(app)
{
    private const string Statement = "Riverside is a sixth-form college in a town where one family in three lives on a low income.";

    [Fact]
    public async Task Teachers_contribute_the_tutor_drafts_within_the_limit_and_the_senior_tutor_releases()
    {
        var (tutorEmail, tutorPassword, students) = await App.NewTutorGroupAsync(1);
        var student = students[0];
        var tutorId = await IdOfAsync(tutorEmail);
        var (seniorEmail, seniorPassword) = await App.NewStaffAsync("senior-tutor");
        var teachers = new List<(string Email, string Password, string Id)>();
        for (var i = 0; i < 3; i++)
        {
            var (email, password) = await App.NewStaffAsync("subject-teacher");
            teachers.Add((email, password, await IdOfAsync(email)));
        }
        var year = (await App.QueryAsync<string>("SELECT y.code FROM year_groups y JOIN institutions i ON i.id = y.institution_id AND i.code = 'DEMO' ORDER BY y.id LIMIT 1")).Single();
        var group = "G" + tutorId[1..];
        var external = $"{group}S1";
        await App.ImportAsync("tutor-groups", $"tutor_group,year_group,tutor_staff_id,senior_tutor_staff_id\n{group},{year},{tutorId},{await IdOfAsync(seniorEmail)}\n");
        await App.ImportAsync("enrolments", "student_id,course_code,course_name,qualification,grade_scale,target_grade,teacher_staff_id,start_date,planned_hours\n" +
            $"{external},ALPSY,Psychology,A level,A-LEVEL,B,{teachers[0].Id},2026-09-07,180\n{external},ALSOC,Sociology,A level,A-LEVEL,B,{teachers[1].Id},2026-09-07,180\n" +
            $"{external},ALHIS,History,A level,A-LEVEL,C,{teachers[2].Id},2026-09-07,180\n");
        var cycle = $"2027 entry ({group})";

        // The senior tutor sets up the cycle with the centre's statement.
        var senior = await NewPageAsync(1280, 900);
        await SignInAsync(senior, seniorEmail, seniorPassword);
        await senior.GotoAsync("/references/cycles");
        await senior.Locator("#name-new").FillAsync(cycle);
        await senior.Locator("#early-new").FillAsync("2026-10-15");
        await senior.Locator("#main-new").FillAsync("2027-01-13");
        await senior.Locator("#statement-new").FillAsync(Statement);
        await senior.Locator("#statement-new").Locator("xpath=ancestor::form").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(senior.GetByRole(AriaRole.Heading, new() { Name = cycle })).ToBeVisibleAsync();

        // The tutor starts the application and asks the three teachers.
        var tutor = await NewPageAsync(1280, 900);
        await SignInAsync(tutor, tutorEmail, tutorPassword);
        await tutor.GotoAsync($"/students/{student}");
        await tutor.GetByTestId("reference-link").ClickAsync();
        await tutor.GetByLabel("Cycle").SelectOptionAsync(new SelectOptionValue { Label = $"{cycle} (deadline 13 Jan 2027)" });
        await tutor.GetByLabel("UCAS undergraduate").CheckAsync();
        await tutor.GetByTestId("start").ClickAsync();
        await tutor.GetByTestId("ask").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("reference-status")).ToHaveTextAsync("Contributions requested");
        var application = tutor.Url;

        // Two teachers reply from their inboxes; each sees the student's current and target grade, and only their own course.
        foreach (var (teacher, grade, words) in new[] { (teachers[0], "A", "Amira's essays on memory were the best in the group."), (teachers[1], "B", "A careful researcher; her coursework on families was excellent.") })
        {
            var page = await NewPageAsync(1280, 900);
            await SignInAsync(page, teacher.Email, teacher.Password);
            await page.GotoAsync("/inbox");
            await page.GetByRole(AriaRole.Link, new() { Name = "Reference contribution: a paragraph and a predicted grade" }).ClickAsync();
            await page.GetByLabel("Predicted grade").SelectOptionAsync(grade);
            await page.GetByLabel("Your paragraph").FillAsync(words);
            if (grade == "A")
            {
                await AccessibleAsync(page, "reference-contribution");
            }
            await page.GetByTestId("send-contribution").ClickAsync();
            await Assertions.Expect(page.GetByTestId("contribution-saved")).ToBeVisibleAsync();
        }

        // The tutor sees the teachers' predictions and words, enters History's (its teacher has not replied) and signs them off.
        await tutor.GotoAsync(application);
        var predictions = tutor.GetByTestId("predictions");
        await Assertions.Expect(predictions.Locator("tr", new() { HasText = "Psychology" })).ToContainTextAsync("A");
        await Assertions.Expect(predictions.Locator("tr", new() { HasText = "Psychology" })).ToContainTextAsync("Amira's essays on memory were the best in the group.");
        await Assertions.Expect(predictions.Locator("tr", new() { HasText = "Sociology" })).ToContainTextAsync("B");
        await Assertions.Expect(predictions.Locator("tr", new() { HasText = "History" })).ToContainTextAsync("Waiting");
        await tutor.GetByLabel("Your prediction for History").SelectOptionAsync("C");
        await tutor.GetByTestId("predict-History").ClickAsync();
        await Assertions.Expect(predictions.Locator("tr", new() { HasText = "History" })).ToContainTextAsync("C (entered by the tutor)");
        await tutor.GetByTestId("sign-off").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("signed-off")).ToBeVisibleAsync();

        // Over 4,000 characters with section 1: the live count says so and sending is refused; within it, it goes to be checked.
        var over = new string('x', 4000 - Statement.Length + 1);
        await tutor.GetByLabel("Section 3: supportive information").FillAsync(over);
        await Assertions.Expect(tutor.GetByTestId("reference-count")).ToHaveTextAsync("4,001 of 4,000 characters: 1 too many");
        await tutor.GetByTestId("ready").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("reference-error")).ToHaveTextAsync(
            "The reference is 4,001 characters with the centre's statement; expected at most 4,000, spaces and line breaks included — 1 too many.");
        var reference = "Amira is a thoughtful, hard-working student who has made excellent progress.\nHer Psychology teacher says her essays on memory were the best in the group.";
        await tutor.GetByLabel("Section 3: supportive information").FillAsync(reference);
        await Assertions.Expect(tutor.GetByTestId("reference-count")).ToContainTextAsync($"{Statement.Length + reference.Length} of 4,000 characters");
        await AccessibleAsync(tutor, "reference-draft");
        await tutor.GetByTestId("ready").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("reference-status")).ToHaveTextAsync("Drafted, waiting to be checked");
        await Assertions.Expect(tutor.GetByTestId("check")).ToHaveCountAsync(0); // the tutor does not check their own

        // The API reads the same reference for the tutor, and nothing of it for a teacher who contributed.
        var referenceId = long.Parse(new Uri(application).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        using (var api = await Accounts.SignInAsync(App, tutorEmail, tutorPassword))
        {
            var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/references/{referenceId}");
            Assert.Equal(("Drafted, waiting to be checked", Statement.Length + reference.Length, 4000),
                (read.GetProperty("status").GetString(), read.GetProperty("length").GetInt32(), read.GetProperty("lengthLimit").GetInt32()));
            var history = read.GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("course").GetString() == "History");
            Assert.Equal(("C", true), (history.GetProperty("predicted").GetString(), history.GetProperty("predictedByTutor").GetBoolean()));
        }
        using (var api = await Accounts.SignInAsync(App, teachers[0].Email, teachers[0].Password))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/v1/references/{referenceId}", UriKind.Relative))).StatusCode);
            // Once the reference is drafted, the contribution leaves the teacher's list: nothing more is asked of them.
            var mine = await api.GetFromJsonAsync<JsonElement>("/api/v1/references");
            Assert.Equal(0, mine.GetProperty("contributionsAskedOfYou").GetArrayLength());
        }

        // The senior tutor checks and releases it from their inbox.
        await senior.GotoAsync("/inbox");
        await senior.GetByRole(AriaRole.Link, new() { Name = "Reference drafted: check it" }).ClickAsync();
        await senior.GetByTestId("check").ClickAsync();
        await Assertions.Expect(senior.GetByTestId("reference-status")).ToHaveTextAsync("Checked, waiting to be released");
        await senior.GetByTestId("release").ClickAsync();
        await Assertions.Expect(senior.GetByTestId("reference-status")).ToHaveTextAsync("Released");
        await AccessibleAsync(senior, "reference-released");
    }

    private async Task<string> IdOfAsync(string email) => (await App.QueryAsync<string>($"SELECT external_id FROM staff WHERE email = '{email}'")).Single();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caseload.WebTests.Journeys;
using Microsoft.Playwright;

namespace Caseload.WebTests.CourseChanges;

/// <summary>
/// A withdrawal from one course, as the people involved do it in the browser: a tutor requests it and sees its effect on
/// planned hours and day 42 first; the requester cannot authorise (page and API) — nor can a senior tutor authorise
/// their own request; the student's senior tutor authorises from their inbox; an administrator actions it on the last
/// day of attendance; retention changes and the student's timeline shows every step. On the demo college's default day
/// (Monday 23 November 2026), with a tutor group, senior tutor and administrator of the test's own.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class CourseChangeJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_tutors_request_is_authorised_by_the_senior_tutor_and_actioned_by_an_administrator()
    {
        var (tutorEmail, tutorPassword, students) = await App.NewTutorGroupAsync(1);
        var student = students[0];
        var tutorId = (await App.QueryAsync<string>($"SELECT external_id FROM staff WHERE email = '{tutorEmail}'")).Single();
        var (seniorEmail, seniorPassword) = await App.NewStaffAsync("senior-tutor");
        var seniorId = (await App.QueryAsync<string>($"SELECT external_id FROM staff WHERE email = '{seniorEmail}'")).Single();
        var year = (await App.QueryAsync<string>("SELECT y.code FROM year_groups y JOIN institutions i ON i.id = y.institution_id AND i.code = 'DEMO' ORDER BY y.id LIMIT 1")).Single();
        var group = "G" + tutorId[1..];
        var external = $"{group}S1";
        await App.ImportAsync("tutor-groups", $"tutor_group,year_group,tutor_staff_id,senior_tutor_staff_id\n{group},{year},{tutorId},{seniorId}\n");
        // Three A levels of 180 planned hours from Monday 2 November (day 42: Sunday 13 December); last in on Friday 20 November.
        await App.ImportAsync("enrolments", "student_id,course_code,course_name,qualification,grade_scale,start_date,planned_hours\n" +
            $"{external},ALPSY,Psychology,A level,A-LEVEL,2026-11-02,180\n{external},ALSOC,Sociology,A level,A-LEVEL,2026-11-02,180\n{external},ALHIS,History,A level,A-LEVEL,2026-11-02,180\n");
        await App.ImportAsync("attendance", $"student_id,date,session,code,minutes_late\n{external},2026-11-20,AM,/,\n");

        // The tutor asks, after looking at the effect.
        var tutor = await NewPageAsync(1280, 900);
        await SignInAsync(tutor, tutorEmail, tutorPassword);
        await tutor.GotoAsync($"/students/{student}");
        await tutor.GetByTestId("request-course-change").ClickAsync();
        await tutor.GetByLabel("Drop a course").CheckAsync();
        await tutor.GetByLabel("Course left").SelectOptionAsync(new SelectOptionValue { Label = "Psychology" });
        await tutor.GetByLabel("Reason").SelectOptionAsync(new SelectOptionValue { Label = "Other personal reasons" });
        await tutor.GetByLabel("What led to the request").FillAsync("Caring for her gran after school; Psychology is the course she has missed most.");
        await tutor.GetByLabel("The student's view").FillAsync("Wants to keep Sociology and History.");
        await tutor.GetByTestId("preview").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("effect-hours")).ToContainTextAsync("540 → 360 a year");
        await Assertions.Expect(tutor.GetByTestId("effect-hours")).ToContainTextAsync("360: Band 3 (360–449 hours) (now Band 5 (full time, 540+ hours))");
        await Assertions.Expect(tutor.GetByTestId("effect-warnings")).ToContainTextAsync("Psychology: day 22, before day 42 (13 Dec 2026), so all its 180 planned hours are removed.");
        await Assertions.Expect(tutor.GetByLabel("What led to the request")).ToHaveValueAsync("Caring for her gran after school; Psychology is the course she has missed most.");
        await AccessibleAsync(tutor, "course-change-request-effect");
        await tutor.GetByTestId("send").ClickAsync();
        await Assertions.Expect(tutor.GetByTestId("requested")).ToContainTextAsync("Sent for authorisation to Test Person (senior tutor) or a senior leader.");
        var id = long.Parse(new Uri(tutor.Url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // The requester cannot authorise: no button, the reason given, and the API refuses it too.
        await Assertions.Expect(tutor.GetByTestId("authorise")).ToHaveCountAsync(0);
        await Assertions.Expect(tutor.GetByTestId("why-not-decide")).ToHaveTextAsync("Only the student's senior tutor or a senior leader can authorise a course change.");
        using (var api = await Accounts.SignInAsync(App, tutorEmail, tutorPassword))
        {
            var refused = await api.PostAsJsonAsync($"/api/v1/course-changes/{id}/authorise", new { version = 0 });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("only the student's senior tutor or a senior leader can authorise", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Nor can a senior tutor authorise a request of their own (two people, whatever the roles): page and API.
        using (var api = await Accounts.SignInAsync(App, seniorEmail, seniorPassword))
        {
            var reasons = await api.GetFromJsonAsync<JsonElement>("/api/v1/course-changes/reasons");
            var other = reasons.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Other").GetProperty("id").GetInt32();
            var own = await api.PostAsJsonAsync($"/api/v1/students/{student}/course-changes", new { kind = "Drop", fromCourse = "ALHIS", reasonId = other, details = "Asked at the review" });
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
            var ownId = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var selfAuthorised = await api.PostAsJsonAsync($"/api/v1/course-changes/{ownId}/authorise", new { version = 0 });
            Assert.Equal(HttpStatusCode.BadRequest, selfAuthorised.StatusCode);
            Assert.Contains("you requested this change, so someone else must authorise it", await selfAuthorised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var senior = await NewPageAsync(1280, 900);
            await SignInAsync(senior, seniorEmail, seniorPassword);
            await senior.GotoAsync($"/course-changes/{ownId}");
            await Assertions.Expect(senior.GetByTestId("authorise")).ToHaveCountAsync(0);
            await Assertions.Expect(senior.GetByTestId("why-not-decide")).ToContainTextAsync("You requested this change, so someone else must authorise it");

            // The tutor's request waits in the senior tutor's inbox; they authorise it.
            await senior.GotoAsync("/inbox");
            await senior.GetByRole(AriaRole.Link, new() { Name = "To authorise: Drop Psychology" }).ClickAsync();
            await AccessibleAsync(senior, "course-change-to-authorise");
            await senior.GetByLabel("Note").FillAsync("Agreed with her and her mum on the phone.");
            await senior.GetByTestId("authorise").ClickAsync();
            await Assertions.Expect(senior.GetByTestId("change-status")).ToHaveTextAsync("Authorised, waiting to be actioned");
        }

        // An administrator actions it from their inbox, on the last day she was in; retention changes.
        var (adminEmail, adminPassword) = await App.NewStaffAsync("administrator");
        var admin = await NewPageAsync(1280, 900);
        await SignInAsync(admin, adminEmail, adminPassword);
        var before = await PsychologyAsync(admin);
        await admin.GotoAsync("/inbox");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Authorised, to action: Drop Psychology" }).ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Last day on the course (the last day of attendance)")).ToHaveValueAsync("2026-11-20");
        await AccessibleAsync(admin, "course-change-to-action");
        await admin.GetByTestId("action").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("change-status")).ToHaveTextAsync("Actioned");
        await Assertions.Expect(admin.GetByTestId("actioned")).ToContainTextAsync("from 20 November 2026");
        var after = await PsychologyAsync(admin);
        Assert.Equal((before.Started, before.Withdrawn + 1, before.Early + 1), (after.Started, after.Withdrawn, after.Early));
        await AccessibleAsync(admin, "course-change-retention", "/course-changes/retention");

        // The student's timeline has every step; Psychology is shown as withdrawn.
        await tutor.GotoAsync($"/students/{student}?show=CourseChange#timeline");
        var timeline = tutor.GetByTestId("timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("Course change requested by Test Person: Drop Psychology");
        await Assertions.Expect(timeline).ToContainTextAsync("Course change authorised by Test Person: Drop Psychology (Agreed with her and her mum on the phone.)");
        await Assertions.Expect(timeline).ToContainTextAsync("Course change actioned by Test Person: Drop Psychology, from 20 Nov 2026");
        await AccessibleAsync(tutor, "course-change-timeline");
    }

    /// <summary>The Psychology row of the retention page: started, withdrawn, and withdrawn before day 42.</summary>
    private static async Task<(int Started, int Withdrawn, int Early)> PsychologyAsync(IPage page)
    {
        await page.GotoAsync("/course-changes/retention");
        var cells = await page.GetByTestId("retention-courses").Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Psychology", Exact = true }) })
            .Locator("td").AllInnerTextsAsync();
        return (int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture));
    }
}

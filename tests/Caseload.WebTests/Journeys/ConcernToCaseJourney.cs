using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class ConcernToCaseJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_teachers_concern_becomes_a_case_with_a_one_to_one_and_a_call_home_escalates_to_the_senior_tutor_and_the_timeline_shows_it_in_order()
    {
        // The first tutor-only account (the casework test takes the second, the API test the third, SecurityTests
        // disables the fourth; the access matrix only reads as the first), a student of theirs taught by a subject
        // teacher, and the tutor's senior tutor.
        var tutor = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor' ORDER BY s.id LIMIT 1
            """)).Single();
        var taught = $"""
            FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff s ON s.id = g.tutor_staff_id
            JOIN enrolments e ON e.student_id = st.id JOIN staff t ON t.id = e.teacher_staff_id
            WHERE s.email = '{tutor}' AND (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = t.id) = 'subject-teacher'
            ORDER BY st.id, t.id LIMIT 1
            """;
        var student = (await App.QueryAsync<long>("SELECT st.id " + taught)).Single();
        var teacher = (await App.QueryAsync<string>("SELECT t.email " + taught)).Single();
        var senior = (await App.QueryAsync<string>($"""
            SELECT st.email FROM tutor_team_members t JOIN staff s ON s.id = t.tutor_staff_id JOIN staff st ON st.id = t.senior_tutor_staff_id
            WHERE s.email = '{tutor}' AND st.id <> s.id LIMIT 1
            """)).Single();
        var name = (await App.QueryAsync<string>($"SELECT COALESCE(preferred_name, first_name) || ' ' || last_name FROM students WHERE id = {student}")).Single();

        // The subject teacher raises a concern from the student's page, in well under a minute.
        var teacherPage = await NewPageAsync(1280, 900);
        await SignInAsync(teacherPage, teacher);
        await teacherPage.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}").ToString());
        await teacherPage.GetByText("Raise a concern or referral").ClickAsync();
        await teacherPage.GetByLabel("What kind").SelectOptionAsync("Concern");
        await teacherPage.GetByLabel("Soon (within two days)").CheckAsync();
        await teacherPage.GetByLabel("What happened").FillAsync("Fell asleep in my lesson twice this week and has not handed in homework since half term.");
        await teacherPage.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(teacherPage.GetByTestId("raised")).ToContainTextAsync("Sent to");
        var referralUrl = teacherPage.Url.Split('?')[0];
        await AccessibleAsync(teacherPage, "referral-raised");

        // The tutor finds it in the inbox, acknowledges it and records what they did.
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, tutor);
        await page.GetByRole(AriaRole.Link, new() { Name = "My inbox" }).ClickAsync();
        var newReferrals = page.GetByTestId("inbox-referralnew");
        await Assertions.Expect(newReferrals).ToContainTextAsync(name);
        await Assertions.Expect(newReferrals).ToContainTextAsync("Fell asleep in my lesson");
        await AccessibleAsync(page, "inbox-referral");
        await newReferrals.Locator("tr", new() { HasText = "Fell asleep in my lesson" }).GetByRole(AriaRole.Link, new() { Name = "Concern for the tutor", Exact = false }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Acknowledged");
        await page.GetByLabel("What you did").FillAsync("Spoke to the student; opening a Stage 1 case.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Acted on");
        await AccessibleAsync(page, "referral");

        // The referrer sees that it was acted on, and when — not what was done.
        await teacherPage.GotoAsync(referralUrl);
        await Assertions.Expect(teacherPage.GetByTestId("referral-status")).ToHaveTextAsync("Acted on");
        await Assertions.Expect(teacherPage.GetByTestId("receipt")).ToBeVisibleAsync();
        Assert.DoesNotContain("opening a Stage 1 case", await teacherPage.ContentAsync(), StringComparison.Ordinal);

        // A Stage 1 case from the profile.
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}#casework").ToString());
        await page.GetByRole(AriaRole.Tab, new() { Name = "Casework" }).ClickAsync();
        await page.GetByText("Open a case").ClickAsync();
        await page.GetByLabel("Reason").SelectOptionAsync("Progress");
        await page.GetByLabel("What the case is about").FillAsync("Tired in lessons, homework missing since half term");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage 1 case" })).ToBeVisibleAsync();
        var caseUrl = page.Url.Split('#')[0];

        // A 1:1 with an action plan.
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}/one-to-one").ToString());
        await page.GetByLabel("Notes").FillAsync("Working 25 hours a week at a supermarket; tired and behind.");
        await page.GetByLabel("The student's view (optional)").FillAsync("I need the money but I want to pass.");
        await page.Locator("#target-0-text").FillAsync("Cut shifts to 15 hours on school nights");
        await page.Locator("#target-1-text").FillAsync("Hand in the missing homework");
        await page.Locator("#target-1-owner").SelectOptionAsync("Student");
        await AccessibleAsync(page, "one-to-one-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save 1:1" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recorded")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("targets-set").Locator("tbody tr")).ToHaveCountAsync(2);
        await AccessibleAsync(page, "one-to-one");

        // A call home.
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}#contacts").ToString());
        await page.GetByRole(AriaRole.Tab, new() { Name = "Parents and carers" }).ClickAsync();
        await page.GetByText("Log a contact").ClickAsync();
        await page.GetByLabel("How", new() { Exact = true }).SelectOptionAsync("Call");
        await page.GetByLabel("What was said").FillAsync("Talked to mum about the hours at work and the missing homework.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Parents and carers" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("contact-log")).ToContainTextAsync("Talked to mum");
        // And a standard letter: filled in, printable, logged when sent.
        await page.GetByTestId("letters").GetByRole(AriaRole.Link, new() { Name = "Attendance concern" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("letter")).ToContainTextAsync("Dear ");
        await AccessibleAsync(page, "letter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log as sent" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Parents and carers" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("contact-log")).ToContainTextAsync("Letter sent: Attendance concern.");

        // Escalated to Stage 3: the senior tutor joins in, and sees it in their inbox.
        await page.GotoAsync(caseUrl);
        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("3");
        await page.GetByLabel("Why", new() { Exact = true }).FillAsync("Homework still missing after the call home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move case" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage 3 case" })).ToBeVisibleAsync();
        var seniorPage = await NewPageAsync(1280, 900);
        await SignInAsync(seniorPage, senior);
        await seniorPage.GetByRole(AriaRole.Link, new() { Name = "My inbox" }).ClickAsync();
        await Assertions.Expect(seniorPage.GetByTestId("inbox-teamescalated")).ToContainTextAsync(name);
        await AccessibleAsync(seniorPage, "inbox-senior-tutor");

        // The timeline, newest first: escalation, call home, 1:1, the case opened, the concern.
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}?show=#timeline").ToString());
        await page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        var entries = await page.GetByTestId("timeline").Locator(".moj-timeline__item").AllInnerTextsAsync();
        int At(string text) => entries.Select((e, i) => (e, i)).First(x => x.e.Contains(text, StringComparison.Ordinal)).i;
        var order = new[]
        {
            At("Escalated from Stage 1 to Stage 3"), At("Talked to mum"), At("Working 25 hours"), At("Opened at Stage 1 for progress"), At("Fell asleep in my lesson"),
        };
        Assert.Equal(order.Order(), order);
        await AccessibleAsync(page, "timeline");
        await AccessibleAsync(page, "one-to-ones", "/one-to-ones");
        await AccessibleAsync(page, "referrals", "/referrals");
    }
}

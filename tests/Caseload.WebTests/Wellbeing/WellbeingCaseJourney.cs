using System.Net;
using Caseload.WebTests.Journeys;
using Microsoft.Playwright;

namespace Caseload.WebTests.Wellbeing;

/// <summary>
/// The wellbeing team's cases in the browser: a tutor refers a child to the wellbeing team; a wellbeing practitioner
/// lands on Wellbeing, opens a case from the referral at Counselling — refused with themselves as owner, accepted with
/// the counsellor; the counsellor records a counselling note; the practitioner sees that a session was recorded, not its
/// words; the tutor reaches neither page. Axe on each page.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class WellbeingCaseJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_referral_becomes_a_wellbeing_case_and_counselling_notes_stay_with_the_counsellor()
    {
        var (tutorEmail, tutorPassword, students) = await App.NewTutorGroupAsync(1);
        var child = students[0];
        using var tutorHttp = await Accounts.SignInAsync(App, tutorEmail, tutorPassword);
        var raised = await Accounts.PostFormAsync(tutorHttp, $"/students/{child}/referrals/new",
            new() { ["ReferCategory"] = "Wellbeing", ["ReferUrgency"] = "Soon", ["ReferWhat"] = "Wellbeing journey: not sleeping, tearful in tutor time" }, $"/students/{child}");
        Assert.True(raised.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"raising the referral: {raised.StatusCode}");
        var counsellor = (await App.QueryAsync<string>("""
            SELECT s.first_name || ' ' || s.last_name FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'counsellor'
            JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO' ORDER BY s.id LIMIT 1
            """)).Single();

        // The wellbeing practitioner starts at Wellbeing, with the referral waiting.
        var practitioner = await NewPageAsync(1280, 900);
        await SignInAsync(practitioner, await App.EmailOfAsync("wellbeing"));
        await practitioner.GotoAsync("/");
        await Assertions.Expect(practitioner).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/wellbeing$"));
        var card = practitioner.Locator("[data-testid^='waiting-']", new() { HasText = "Wellbeing journey: not sleeping" });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await AccessibleAsync(practitioner, "wellbeing-waiting");
        await card.Locator("summary").ClickAsync();
        await card.GetByLabel("Stage").SelectOptionAsync(new SelectOptionValue { Label = "3 Counselling" });
        await card.GetByLabel("What the case is about").FillAsync("Sleep and low mood; asked to see a counsellor");
        await card.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        await Assertions.Expect(practitioner.GetByTestId("open-error")).ToContainTextAsync("Stage 3 (Counselling) is owned by a counsellor, and");
        card = practitioner.Locator("[data-testid^='waiting-']", new() { HasText = "Wellbeing journey: not sleeping" });
        await card.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = counsellor });
        await card.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        await Assertions.Expect(practitioner.GetByRole(AriaRole.Heading, new() { Name = "Wellbeing case: stage 3, Counselling" })).ToBeVisibleAsync();
        var casePath = new Uri(practitioner.Url).AbsolutePath;
        await Assertions.Expect(practitioner.GetByTestId("wellbeing-summary")).ToContainTextAsync(counsellor);

        // The counsellor records a counselling note.
        var counselling = await NewPageAsync(1280, 900);
        await SignInAsync(counselling, await App.EmailOfAsync("counsellor"));
        await counselling.GotoAsync(casePath);
        await counselling.Locator("summary", new() { HasText = "Add a note or counselling note" }).ClickAsync();
        await counselling.GetByLabel("A counselling note (counsellors only)").CheckAsync();
        await counselling.GetByLabel("Note", new() { Exact = true }).FillAsync("Counselling journey words: the move from her dad's house");
        await counselling.GetByRole(AriaRole.Button, new() { Name = "Save the note" }).ClickAsync();
        await Assertions.Expect(counselling.GetByTestId("wellbeing-history")).ToContainTextAsync("Counselling journey words");
        await AccessibleAsync(counselling, "wellbeing-case-counsellor");

        // The practitioner sees that a session was recorded, not its words.
        await practitioner.GotoAsync(casePath);
        await Assertions.Expect(practitioner.GetByTestId("wellbeing-history")).ToContainTextAsync("The counsellor's notes are for counsellors only.");
        await Assertions.Expect(practitioner.GetByTestId("wellbeing-history")).Not.ToContainTextAsync("Counselling journey words");
        await AccessibleAsync(practitioner, "wellbeing-case");

        // The child's tutor reaches neither page.
        foreach (var path in new[] { "/wellbeing", casePath })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await tutorHttp.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }
}

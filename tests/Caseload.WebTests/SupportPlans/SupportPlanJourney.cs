using System.Globalization;
using System.Net;
using Caseload.WebTests.Journeys;
using Microsoft.Playwright;

namespace Caseload.WebTests.SupportPlans;

/// <summary>
/// Support plans in the browser (decision 0016): a tutor starts a pastoral support plan from a tutee's page, writes it,
/// and records the week-8 review; then an EHCP whose annual review runs through its four statutory steps; the student's
/// subject teacher sees "support plan in place" with the strategies on their class list and never the plan.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SupportPlanJourney(WebApp app) : BrowserJourney(app)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(DateOnly d) => d.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_tutor_runs_a_PSP_and_an_EHCP_annual_review_through_their_dated_steps_and_the_teacher_sees_only_the_strategies()
    {
        // A demo tutor's tutee who has a subject teacher (both T…: never staff another test made for itself).
        var row = (await App.QueryAsync<string>("""
            SELECT tu.email || '|' || st.id || '|' || te.email FROM students st
            JOIN institutions i ON i.id = st.institution_id AND i.code = 'DEMO'
            JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff tu ON tu.id = g.tutor_staff_id
            JOIN enrolments e ON e.student_id = st.id JOIN staff te ON te.id = e.teacher_staff_id
            WHERE st.on_roll AND tu.external_id LIKE 'T%' AND te.external_id LIKE 'T%'
              AND (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = tu.id) = 'tutor'
              AND (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = te.id) = 'subject-teacher'
              AND NOT EXISTS (SELECT 1 FROM support_plans p WHERE p.student_id = st.id)
            ORDER BY st.id LIMIT 1 OFFSET 3
            """)).Single().Split('|');
        var (tutor, student, teacher) = (row[0], long.Parse(row[1], CultureInfo.InvariantCulture), row[2]);
        var today = Caseload.Tests.TestDay.Today;

        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, tutor);
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}").ToString());
        await page.Locator($"main a[href='/students/{student}/support-plans']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-plans")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-error")).ToHaveTextAsync("Choose the kind of plan.");
        await page.GetByLabel("Pastoral support plan (PSP)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();

        // The PSP: 16 weeks, reviews at weeks 8 and 16, each a date in the table.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pastoral support plan (PSP)" })).ToBeVisibleAsync();
        var steps = page.GetByTestId("plan-steps");
        await Assertions.Expect(steps.Locator("tr", new() { HasText = "Mid-point review (week 8)" })).ToContainTextAsync(Shown(today.AddDays(56)));
        await Assertions.Expect(steps.Locator("tr", new() { HasText = "End review (week 16)" })).ToContainTextAsync(Shown(today.AddDays(112)));
        await Assertions.Expect(page.GetByTestId("plan-summary")).ToContainTextAsync(today.AddDays(112).ToString("ddd d MMMM yyyy", CultureInfo.InvariantCulture));
        // Saving without the concerns is refused, keeping what was typed; then saved.
        await page.GetByLabel("Strengths (optional)").FillAsync("Loyal friend; strong in art.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-error")).ToHaveTextAsync("Write Why a pastoral support plan (the concerns; e.g. repeated suspensions).");
        await Assertions.Expect(page.GetByLabel("Strengths (optional)")).ToHaveValueAsync("Loyal friend; strong in art.");
        await page.GetByLabel("Why a pastoral support plan (the concerns; e.g. repeated suspensions)").FillAsync("Two suspensions this half-term for walking out of lessons.");
        await page.GetByLabel("The student's view (optional)").FillAsync("I walk out when I get stuck.");
        await page.GetByLabel("Strategies for subject teachers (optional)").FillAsync("Time-out card: let him step outside for 2 minutes.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-versions")).ToContainTextAsync("Version 2");
        // The week-8 review, recorded with what it decided.
        var mid = steps.Locator("tr", new() { HasText = "Mid-point review (week 8)" });
        await mid.Locator("summary").ClickAsync();
        await mid.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-error")).ToHaveTextAsync("Write what the review decided.");
        mid = page.GetByTestId("plan-steps").Locator("tr", new() { HasText = "Mid-point review (week 8)" });
        await mid.GetByLabel("What the review decided").FillAsync("No walk-outs for five weeks; continue to week 16.");
        await mid.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-steps").Locator("tr", new() { HasText = "Mid-point review (week 8)" })).ToContainTextAsync("continue to week 16");
        await AccessibleAsync(page, "support-plan-psp");
        var psp = long.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);

        // The EHCP: the annual review meeting in four weeks brings its statutory steps, each recorded in turn.
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}/support-plans").ToString());
        await page.GetByLabel("Education, health and care plan (EHCP)").CheckAsync();
        await page.GetByLabel("Annual review meeting (EHCP) or first review (optional for an IEP and Early Help; needed for a risk assessment)").FillAsync(Iso(today.AddDays(7)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-error")).ToContainTextAsync("The annual review needs 2 weeks' notice");
        await page.GetByLabel("Annual review meeting (EHCP) or first review (optional for an IEP and Early Help; needed for a risk assessment)").FillAsync(Iso(today.AddDays(28)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        var meeting = today.AddDays(28);
        var statutory = new (string Step, DateOnly Due, string Done)[]
        {
            ("Invite everyone to the annual review", meeting.AddDays(-14), "Invitations sent to parents, the LA SEN officer and the speech therapist."),
            ("Hold the annual review meeting", meeting, "Held; parents attended; outcomes E2 and E4 met."),
            ("Send the review report to the local authority", meeting.AddDays(14), "Report e-mailed to the SEN team."),
            ("The local authority's decision is due", meeting.AddDays(28), "LA decided to maintain the plan; letter on file."),
        };
        foreach (var (step, due, done) in statutory)
        {
            var line = page.GetByTestId("plan-steps").Locator("tr", new() { HasText = step });
            await Assertions.Expect(line).ToContainTextAsync(Shown(due));
            await Assertions.Expect(line).ToContainTextAsync("Statutory step");
            await line.Locator("summary").ClickAsync();
            await line.GetByLabel("What was done, and when").FillAsync(done);
            await line.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("plan-steps").Locator("tr", new() { HasText = step })).ToContainTextAsync(done);
        }
        await page.GetByLabel("Section B: special educational needs").FillAsync("Speech, language and communication needs.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await AccessibleAsync(page, "support-plan-ehcp");
        await AccessibleAsync(page, "support-plans-student", $"/students/{student}/support-plans");
        await AccessibleAsync(page, "support-plans-mine", "/support-plans");
        await Assertions.Expect(page.GetByTestId("my-plans")).ToContainTextAsync("Education, health and care plan (EHCP)");

        // The subject teacher: "support plan in place" with the strategies on the class list, never the plan itself.
        var teaching = await NewPageAsync(1280, 900);
        await SignInAsync(teaching, teacher);
        await teaching.GotoAsync(new Uri(App.BaseAddress, "/classes").ToString());
        var strategies = teaching.GetByTestId($"strategies-{student}").First;
        await strategies.Locator("summary").ClickAsync();
        await Assertions.Expect(strategies).ToContainTextAsync("Time-out card: let him step outside for 2 minutes.");
        await AccessibleAsync(teaching, "classes-support-plan-strategies");
        using var http = await Accounts.SignInAsync(App, teacher);
        foreach (var path in new[] { $"/support-plans/{psp}", $"/students/{student}/support-plans" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
        Assert.DoesNotContain("walking out of lessons", await http.GetStringAsync(new Uri($"/students/{student}", UriKind.Relative)), StringComparison.Ordinal);
    }
}

using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests;

/// <summary>
/// The pages in real Chromium (Debian's package): what a tutor, a subject teacher, a safeguarding lead and an
/// administrator do, with an axe-core scan of every page (no serious or critical violations) and a screenshot of each
/// saved under artifacts/screenshots to be looked at.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class BrowserTests(WebApp app) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        // A shared two-core machine can be slow to answer while axe-core scans: wait up to 15 s, not 5.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CASELOAD_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task A_tutor_signs_in_sees_the_caseload_opens_a_student_and_sees_the_attendance_chart()
    {
        var email = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor' ORDER BY s.id LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await AccessibleAsync(page, "sign-in", "/sign-in");
        await SignInAsync(page, email);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload" })).ToBeVisibleAsync();
        var rows = page.Locator("table.app-caseload tbody tr");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.InRange(await rows.CountAsync(), 100, 250); // a tutor's caseload of about 180
        // The first row is the student most in need, with the reasons in words.
        Assert.Contains("%", await rows.First.InnerTextAsync());
        await AccessibleAsync(page, "caseload");

        await rows.First.Locator("a[href^='/students/']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attendance by week" })).ToBeVisibleAsync();
        // Chart.js has drawn the weekly chart on the canvas, and the same numbers are in a table beside it.
        var points = await page.EvaluateAsync<int>("() => { const c = document.querySelector('canvas'); const chart = c && window.Chart && window.Chart.getChart(c); return chart ? chart.data.datasets[0].data.length : 0; }");
        Assert.True(points > 0, "the attendance chart has been drawn with one point a week");
        Assert.Equal(points, await page.Locator("[data-testid=weekly-attendance] tbody tr").CountAsync());
        // The calendar of marks has a row for every week of the term with marks.
        Assert.True(await page.Locator("[data-testid=marks-calendar] tbody tr").CountAsync() >= 8);
        await AccessibleAsync(page, "profile");

        // The timeline, and its filter down to attendance alerts only.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        var entries = page.Locator("[data-testid=timeline] .moj-timeline__item");
        var all = await entries.CountAsync();
        Assert.True(all > 0, "the timeline shows what happened");
        await page.GetByLabel("Show").SelectOptionAsync("AttendanceAlert");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline] .moj-timeline__title").First).ToHaveTextAsync("Attendance alert");
        var alerts = await entries.CountAsync();
        Assert.InRange(alerts, 1, all);
        Assert.Equal(alerts, await page.Locator("[data-testid=timeline] .moj-timeline__title", new() { HasText = "Attendance alert" }).CountAsync());
        await AccessibleAsync(page, "profile-timeline");

        // Tablet width: the same pages still work without sideways scrolling of the whole page.
        await page.SetViewportSizeAsync(820, 1180);
        await AccessibleAsync(page, "profile-tablet");
        await page.GotoAsync(new Uri(app.BaseAddress, "/groups").ToString());
        await AccessibleAsync(page, "groups");
        await page.GotoAsync(new Uri(app.BaseAddress, "/api").ToString());
        await AccessibleAsync(page, "api-reference");
        await page.GotoAsync(new Uri(app.BaseAddress, "/no-such-page").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "not-found");
    }

    [Fact]
    public async Task A_subject_teacher_sees_grades_of_students_they_teach_and_is_refused_pastoral_pages()
    {
        var staff = (await app.QueryAsync<long>("""
            SELECT s.id FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'subject-teacher' ORDER BY s.id LIMIT 1
            """)).Single();
        var email = (await app.QueryAsync<string>($"SELECT email FROM staff WHERE id = {staff}")).Single();
        var taught = (await app.QueryAsync<long>($"SELECT student_id FROM enrolments WHERE teacher_staff_id = {staff} LIMIT 1")).Single();
        var other = (await app.QueryAsync<long>($"""
            SELECT st.id FROM students st JOIN institutions i ON i.id = st.institution_id AND i.code = 'DEMO'
            WHERE NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.student_id = st.id AND e.teacher_staff_id = {staff}) LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email);

        await page.GotoAsync(new Uri(app.BaseAddress, $"/students/{taught}").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Achievement" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Heading, new() { Name = "Attendance by week" }).CountAsync());
        await AccessibleAsync(page, "profile-academic-view");

        foreach (var refused in new[] { $"/students/{other}", "/admin/audit" })
        {
            var response = await page.GotoAsync(new Uri(app.BaseAddress, refused).ToString());
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task A_safeguarding_lead_must_set_up_two_factor_and_then_signs_in_with_a_code()
    {
        // The demo's senior leader who is also a safeguarding lead (the access matrix uses the other one).
        var email = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role, ';') FROM (SELECT role FROM staff_roles r WHERE r.staff_id = s.id ORDER BY role)) = 'safeguarding-lead;senior-leader'
            LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(new Uri(app.BaseAddress, "/sign-in").ToString());
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Core.Security.IdentitySetup.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Straight to setting up an authenticator: nothing else opens until it is done.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("you must set up two-factor sign-in before you continue")).ToBeVisibleAsync();
        await AccessibleAsync(page, "two-factor-setup");
        // Scanning a QR code takes a while: longer than the session's re-check (2 s here), which must not end it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var blocked = await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        Assert.EndsWith("/account/two-factor", page.Url, StringComparison.Ordinal);
        Assert.Equal(200, blocked!.Status);

        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from your authenticator app").FillAsync("000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That code is not right")).ToBeVisibleAsync();

        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await AccessibleAsync(page, "two-factor-recovery-codes");
        Accounts.Remember(email, key);

        // Next time: password, then the code.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Core.Security.IdentitySetup.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your code" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "two-factor-sign-in");
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_administrator_reaches_the_audit_log_and_the_two_factor_settings()
    {
        var email = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'administrator' ORDER BY s.id LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "audit-log");

        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor settings" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Safeguarding lead (always)")).ToBeDisabledAsync();
        await AccessibleAsync(page, "two-factor-settings");
        await page.GetByLabel("Senior tutor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Senior tutor")).ToBeCheckedAsync();
        // Put it back: other tests sign in as a senior tutor without an authenticator.
        await page.GetByLabel("Senior tutor").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Senior tutor")).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task An_administrator_opens_a_data_point_and_a_teacher_enters_a_class_from_the_keyboard_saved_as_they_go()
    {
        var admin = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'administrator' ORDER BY s.id LIMIT 1
            """)).Single();
        var teacherId = (await app.QueryAsync<long>("""
            SELECT s.id FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'subject-teacher' ORDER BY s.id DESC LIMIT 1
            """)).Single();
        var teacher = (await app.QueryAsync<string>($"SELECT email FROM staff WHERE id = {teacherId}")).Single();
        var course = (await app.QueryAsync<string>($"SELECT c.code FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.teacher_staff_id = {teacherId} ORDER BY c.code LIMIT 1")).Single();
        var courseName = (await app.QueryAsync<string>($"SELECT name FROM courses WHERE code = '{course}' AND institution_id = (SELECT id FROM institutions WHERE code = 'DEMO')")).Single();
        var students = (await app.QueryAsync<long>($"SELECT COUNT(*) FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.teacher_staff_id = {teacherId} AND c.code = '{course}'")).Single();

        // The administrator opens "Spring 1" for the teacher's course.
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Data drops" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Spring 1");
        await page.GetByLabel("Date").FillAsync("2026-11-20");
        await page.GetByLabel($"{courseName} ({course})").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open data point" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Data point 'Spring 1' is open for 1 course.")).ToBeVisibleAsync();
        await AccessibleAsync(page, "data-drops-admin");
        await page.Context.CloseAsync();

        // The teacher finds the class and works down it from the keyboard: grade, Tab, effort, Tab, comment, Tab to the next student.
        page = await NewPageAsync(1280, 900);
        await SignInAsync(page, teacher);
        await page.GetByRole(AriaRole.Link, new() { Name = "Data drops" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your classes: Spring 1" })).ToBeVisibleAsync();
        var point = (await app.QueryAsync<long>("SELECT id FROM data_points WHERE name = 'Spring 1'")).Single();
        var courseId = (await app.QueryAsync<long>($"SELECT id FROM courses WHERE code = '{course}' AND institution_id = (SELECT id FROM institutions WHERE code = 'DEMO')")).Single();
        await page.Locator($"a[href='/data-drops/{point}/classes/{courseId}']").ClickAsync();
        await Assertions.Expect(page.GetByText($"0 of {students} grades entered.")).ToBeVisibleAsync();
        var rows = page.Locator("tr[data-row]");
        await Assertions.Expect(rows).ToHaveCountAsync((int)students); // waits for the whole table to be parsed
        var grades = (await page.Locator("#scale-grades option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)")).ToList();
        await rows.Nth(0).Locator("input[data-field=Grade]").FocusAsync();
        for (var i = 0; i < students; i++)
        {
            var row = rows.Nth(i);
            var grade = row.Locator("input[data-field=Grade]");
            var effort = row.Locator("select[data-field=Effort]");
            var comment = row.Locator("input[data-field=Comment]");
            await Assertions.Expect(grade).ToBeFocusedAsync();
            // Typed from the keyboard as a teacher would, in lower case too: "a" is A, never A* (a <select> picked A*).
            await page.Keyboard.TypeAsync(i % 5 == 1 ? grades[i % grades.Count].ToLowerInvariant() : grades[i % grades.Count]);
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(effort).ToBeFocusedAsync();
            await effort.SelectOptionAsync((1 + i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(comment).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync(i == 0 ? "=HYPERLINK(\"x\") keeps its words" : "Steady work");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(row.Locator("[data-status]")).ToHaveTextAsync("Saved");
        }
        await Assertions.Expect(page.GetByText($"{students} of {students} grades entered.")).ToBeVisibleAsync();
        await AccessibleAsync(page, "data-drop-sheet");

        // Reloaded, every row is there: the grades are the same data the CSV import writes.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByText($"{students} of {students} grades entered.")).ToBeVisibleAsync();
        await Assertions.Expect(rows.Nth(0).Locator("input[data-field=Comment]")).ToHaveValueAsync("=HYPERLINK(\"x\") keeps its words");
        var stored = await app.QueryAsync<long>($"""
            SELECT COUNT(*) FROM assessment_grades g JOIN data_points d ON d.id = g.data_point_id AND d.name = 'Spring 1'
            WHERE g.effort IS NOT NULL AND g.comment IS NOT NULL
            """);
        Assert.Equal(students, stored.Single());
        // What was typed is what was saved, row by row, as the scale writes it.
        var saved = await app.QueryAsync<string>($"""
            SELECT g.grade FROM assessment_grades g JOIN data_points d ON d.id = g.data_point_id AND d.name = 'Spring 1'
            JOIN enrolments e ON e.id = g.enrolment_id JOIN students s ON s.id = e.student_id ORDER BY s.last_name, s.first_name, s.id
            """);
        Assert.Equal(Enumerable.Range(0, (int)students).Select(i => grades[i % grades.Count]), saved);

        // Once closed, the sheet is read-only and says why.
        await page.Context.CloseAsync();
        page = await NewPageAsync(1280, 900);
        await SignInAsync(page, admin);
        await page.GotoAsync(new Uri(app.BaseAddress, "/data-drops").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Close Spring 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Spring 1" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Every class's grades are in.")).ToBeVisibleAsync();
        await AccessibleAsync(page, "data-drop-completion");
    }

    [Fact]
    public async Task A_progress_leader_sees_their_year_as_a_cohort_with_charts_tables_and_exports()
    {
        var email = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'progress-leader' ORDER BY s.id LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cohorts" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vulnerable groups against everyone else" })).ToBeVisibleAsync();
        // Every chart has its numbers in a table: as many tutor groups in the table as bars in the chart.
        var groups = await page.GetByTestId("cohort-breakdown").Locator("tbody tr").CountAsync();
        Assert.True(groups > 1);
        var bars = await page.EvaluateAsync<int>("() => window.Chart.getChart(document.querySelector('canvas[data-bar-chart]')).data.labels.length");
        Assert.Equal(groups, bars);
        Assert.Equal(6, await page.GetByTestId("cohort-vulnerable").Locator("tbody tr").CountAsync());
        await AccessibleAsync(page, "cohort-year");

        var csv = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.Contains("Vulnerable groups", await csv.TextAsync());
        var xlsx = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Excel" }).GetAttributeAsync("href") ?? "");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Headers["content-type"]);

        // A tutor group of the year, from the table's link.
        await page.GetByTestId("cohort-breakdown").Locator("tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tutor group", Exact = false })).ToBeVisibleAsync();
        await AccessibleAsync(page, "cohort-group");
    }

    [Fact]
    public async Task A_tutor_opens_a_case_from_the_profile_actions_and_escalates_it_and_a_stale_form_is_refused_with_the_latest_shown()
    {
        var email = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor'
            ORDER BY (SELECT COUNT(*) FROM intervention_cases c WHERE c.owner_staff_id = s.id AND c.status = 'Open' AND c.deleted_at IS NULL) DESC, s.id LIMIT 1
            """)).Single(); // the tutor-only demo account with the most open cases: an inbox with casework waiting
        var student = (await app.QueryAsync<long>($"""
            SELECT st.id FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff s ON s.id = g.tutor_staff_id
            WHERE s.email = '{email}' ORDER BY st.id LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email);
        // The demo's casework gives the tutor an inbox: reviews and actions due or overdue on their cases.
        await page.GetByRole(AriaRole.Link, new() { Name = "My inbox" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My inbox", Exact = true })).ToBeVisibleAsync();
        await AccessibleAsync(page, "inbox");
        Assert.True(await page.Locator("table[data-testid^=inbox-] tbody tr").CountAsync() > 0, "the demo tutor has casework waiting");
        await page.GotoAsync(new Uri(app.BaseAddress, $"/students/{student}#casework").ToString());
        await page.GetByRole(AriaRole.Tab, new() { Name = "Casework" }).ClickAsync();
        await page.GetByText("Open a case").ClickAsync();
        await page.GetByLabel("Reason").SelectOptionAsync("Attendance");
        await page.GetByLabel("What the case is about").FillAsync("Absent every Monday since half term");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage 1 case" })).ToBeVisibleAsync();

        await page.GetByLabel("What is to be done").FillAsync("Phone home about Mondays");
        await page.GetByLabel("Who", new() { Exact = true }).FillAsync("Tutor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-actions")).ToContainTextAsync("Done");

        // A second tab on the same case, opened now, then left while the first escalates the case.
        var stale = await page.Context.NewPageAsync();
        await stale.GotoAsync(page.Url);
        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("3");
        await page.GetByLabel("Why", new() { Exact = true }).FillAsync("No improvement after the call home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move case" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage 3 case" })).ToBeVisibleAsync();
        var history = await page.GetByTestId("case-history").Locator("li").AllInnerTextsAsync();
        Assert.Equal(4, history.Count);
        Assert.Contains("Opened at Stage 1 for attendance", history[0]);
        Assert.Contains("Escalated from Stage 1 to Stage 3", history[3]);
        await AccessibleAsync(page, "case");

        // The stale tab's review is refused, said so, and the latest version (Stage 3) is shown; nothing of it is saved.
        await stale.GetByLabel("What the review found").FillAsync("Written on an old page");
        await stale.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Assertions.Expect(stale.GetByRole(AriaRole.Heading, new() { Name = "Someone else changed this case" })).ToBeVisibleAsync();
        await Assertions.Expect(stale.GetByRole(AriaRole.Heading, new() { Name = "Stage 3 case" })).ToBeVisibleAsync();
        Assert.Equal(4, await stale.GetByTestId("case-history").Locator("li").CountAsync());
        await AccessibleAsync(stale, "case-conflict");
    }

    [Fact]
    public async Task A_teachers_concern_becomes_a_case_with_a_one_to_one_and_a_call_home_escalates_to_the_senior_tutor_and_the_timeline_shows_it_in_order()
    {
        // The first tutor-only account (the casework test takes the second, the API test the third, SecurityTests
        // disables the fourth; the access matrix only reads as the first), a student of theirs taught by a subject
        // teacher, and the tutor's senior tutor.
        var tutor = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor' ORDER BY s.id LIMIT 1
            """)).Single();
        var taught = $"""
            FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff s ON s.id = g.tutor_staff_id
            JOIN enrolments e ON e.student_id = st.id JOIN staff t ON t.id = e.teacher_staff_id
            WHERE s.email = '{tutor}' AND (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = t.id) = 'subject-teacher'
            ORDER BY st.id, t.id LIMIT 1
            """;
        var student = (await app.QueryAsync<long>("SELECT st.id " + taught)).Single();
        var teacher = (await app.QueryAsync<string>("SELECT t.email " + taught)).Single();
        var senior = (await app.QueryAsync<string>($"""
            SELECT st.email FROM tutor_team_members t JOIN staff s ON s.id = t.tutor_staff_id JOIN staff st ON st.id = t.senior_tutor_staff_id
            WHERE s.email = '{tutor}' AND st.id <> s.id LIMIT 1
            """)).Single();
        var name = (await app.QueryAsync<string>($"SELECT COALESCE(preferred_name, first_name) || ' ' || last_name FROM students WHERE id = {student}")).Single();

        // The subject teacher raises a concern from the student's page, in well under a minute.
        var teacherPage = await NewPageAsync(1280, 900);
        await SignInAsync(teacherPage, teacher);
        await teacherPage.GotoAsync(new Uri(app.BaseAddress, $"/students/{student}").ToString());
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
        await page.GotoAsync(new Uri(app.BaseAddress, $"/students/{student}#casework").ToString());
        await page.GetByRole(AriaRole.Tab, new() { Name = "Casework" }).ClickAsync();
        await page.GetByText("Open a case").ClickAsync();
        await page.GetByLabel("Reason").SelectOptionAsync("Progress");
        await page.GetByLabel("What the case is about").FillAsync("Tired in lessons, homework missing since half term");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage 1 case" })).ToBeVisibleAsync();
        var caseUrl = page.Url.Split('#')[0];

        // A 1:1 with an action plan.
        await page.GotoAsync(new Uri(app.BaseAddress, $"/students/{student}/one-to-one").ToString());
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
        await page.GotoAsync(new Uri(app.BaseAddress, $"/students/{student}#contacts").ToString());
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
        await page.GotoAsync(new Uri(app.BaseAddress, $"/students/{student}?show=#timeline").ToString());
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

    [Fact]
    public async Task A_progress_leader_records_an_incident_with_a_victim_and_marks_it_dealt_with_on_the_daily_log()
    {
        var leader = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'progress-leader'
              AND EXISTS (SELECT 1 FROM year_groups y WHERE y.progress_leader_staff_id = s.id) ORDER BY s.id DESC LIMIT 1
            """)).Single();
        var year = $"""
            FROM students st JOIN year_groups y ON y.id = st.year_group_id JOIN staff s ON s.id = y.progress_leader_staff_id
            JOIN tutor_groups g ON g.id = st.tutor_group_id WHERE s.email = '{leader}' AND st.on_roll ORDER BY st.id DESC LIMIT 2
            """;
        var choices = await app.QueryAsync<string>("SELECT COALESCE(st.preferred_name, st.first_name) || ' ' || st.last_name || ' (' || g.code || ') [#' || st.id || ']' " + year);
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, leader);
        await page.GetByRole(AriaRole.Link, new() { Name = "Behaviour log" }).ClickAsync();
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
    }

    [Fact]
    public async Task A_senior_leader_takes_a_stage_5_case_from_the_inbox_and_the_safeguarding_lead_reads_the_concerns_trail()
    {
        var (services, servicesPassword) = await app.NewStaffAsync("student-services");
        var (leader, leaderPassword) = await app.NewStaffAsync("senior-leader");
        using var office = await Accounts.SignInAsync(app, services, servicesPassword);
        var student = (await app.NewTutorGroupAsync(1)).Students[0]; // a student of its own
        var opened = await office.PostAsJsonAsync($"/api/v1/students/{student}/cases", new { stage = 4, reason = "Attendance", summary = "Attendance below 50% since October" });
        var id = (await opened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        await office.PostAsJsonAsync($"/api/v1/cases/{id}/moves", new { version = 0, stage = 5, why = "Parenting contract broken; referred to SLT" });

        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, leader, leaderPassword);
        await page.GotoAsync(new Uri(app.BaseAddress, "/inbox").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases for the senior leadership team: take one to make it yours" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "inbox-senior-leader");
        await page.Locator($"a[href='/cases/{id}']").First.ClickAsync();
        await AccessibleAsync(page, "case-for-senior-leaders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take this case" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Taken by Test Person for the senior leadership team")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Take this case" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // The safeguarding lead's audit log holds the trail of safeguarding concerns, and nothing else.
        var (dsl, dslPassword) = await app.NewStaffAsync("safeguarding-lead");
        page = await NewPageAsync(1280, 900);
        await SignInAsync(page, dsl, dslPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await AccessibleAsync(page, "audit-log-safeguarding");
        await Assertions.Expect(page.Locator("td", new() { HasText = "StudentProfile" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // A refused sign-in says the same thing whatever the reason.
        page = await NewPageAsync(1280, 900);
        await page.GotoAsync(new Uri(app.BaseAddress, "/sign-in").ToString());
        await page.GetByLabel("E-mail address").FillAsync("nobody@riverside.example");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The e-mail address or password is not right").First).ToBeVisibleAsync();
        await AccessibleAsync(page, "sign-in-refused");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tutor_sees_where_they_are_signed_in_and_ends_the_session_left_open_on_another_computer()
    {
        var (email, password) = await app.NewStaffAsync("tutor");
        var staffRoom = await NewPageAsync(1280, 800);
        await SignInAsync(staffRoom, email, password);
        var classroom = await NewPageAsync(1280, 800);
        await SignInAsync(classroom, email, password);

        await classroom.GetByRole(AriaRole.Link, new() { Name = "Your sessions" }).ClickAsync();
        await Assertions.Expect(classroom.GetByRole(AriaRole.Heading, new() { Name = "Your sessions" })).ToBeVisibleAsync();
        await Assertions.Expect(classroom.GetByText("2 sessions")).ToBeVisibleAsync();
        await Assertions.Expect(classroom.GetByText("This session", new() { Exact = true })).ToBeVisibleAsync();
        await AccessibleAsync(classroom, "account-sessions");
        await classroom.GetByRole(AriaRole.Button, new() { Name = "End this session" }).ClickAsync();
        await Assertions.Expect(classroom.GetByText("That session has ended.")).ToBeVisibleAsync();
        await Assertions.Expect(classroom.GetByText("1 session", new() { Exact = true })).ToBeVisibleAsync();

        // The staff-room computer's next click lands on the sign-in page.
        await staffRoom.GetByRole(AriaRole.Link, new() { Name = "My inbox" }).ClickAsync();
        await Assertions.Expect(staffRoom.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await staffRoom.Context.CloseAsync();
        await classroom.Context.CloseAsync();
    }

    [Fact]
    public async Task The_search_box_on_every_page_finds_a_student_by_names_in_either_order()
    {
        var (leader, password) = await app.NewStaffAsync("senior-leader"); // sees the whole institution
        var (first, last, id) = (await app.QueryAsync<string>("""
            SELECT s.first_name || '|' || s.last_name || '|' || s.id FROM students s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE s.preferred_name IS NULL AND s.on_roll = 1 ORDER BY s.id LIMIT 1
            """)).Single().Split('|') is [var f, var l, var n] ? (f, l, n) : default;
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, leader, password);
        await page.GotoAsync(new Uri(app.BaseAddress, "/inbox").ToString());
        await page.Keyboard.PressAsync("/");                                   // the shortcut puts the cursor in the box
        await page.Keyboard.TypeAsync($"{last} {first}");                      // "Kaya Leila" for Leila Kaya
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("search-results")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("search-results").GetByRole(AriaRole.Link, new() { Name = $"{first} {last}" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "search-results");
        await page.GetByTestId("search-results").GetByRole(AriaRole.Link, new() { Name = $"{first} {last}" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/students/{id}$"));

        // A student of another institution is not found; nothing typed is a wildcard.
        await page.GotoAsync(new Uri(app.BaseAddress, "/search?q=%25").ToString());
        await Assertions.Expect(page.GetByTestId("search-none")).ToBeVisibleAsync();
        var phone = await NewPageAsync(390, 800);
        await SignInAsync(phone, leader, password);
        await phone.GotoAsync(new Uri(app.BaseAddress, $"/search?q={Uri.EscapeDataString(last)}").ToString());
        await AccessibleAsync(phone, "search-phone");
    }

    [Fact]
    public async Task A_subject_teacher_lands_on_my_classes_opens_a_student_raises_a_concern_and_rewards_three_at_once()
    {
        var teacher = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'subject-teacher'
            ORDER BY (SELECT COUNT(*) FROM enrolments e WHERE e.teacher_staff_id = s.id) DESC, s.id LIMIT 1
            """)).Single(); // the teacher with the most students: classes of three and more
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, teacher);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/classes$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My classes", Exact = true })).ToBeVisibleAsync();
        await AccessibleAsync(page, "my-classes");
        var form = page.Locator("form:has(table[data-testid^=class-])").First;
        var firstClass = form.Locator("table[data-testid^=class-]");
        var rows = firstClass.Locator("tbody tr");
        Assert.True(await rows.CountAsync() >= 3, "the teacher's first class has three students or more");

        // A reward for three students at once.
        var before = (await app.QueryAsync<long>("SELECT COUNT(*) FROM behaviour_events WHERE external_key LIKE 'reward:%'")).Single();
        for (var n = 0; n < 3; n++)
        {
            await rows.Nth(n).Locator("input[type=checkbox]").CheckAsync();
        }
        await form.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Give reward") }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rewarded")).ToContainTextAsync("3 students rewarded.");
        Assert.Equal(before + 3, (await app.QueryAsync<long>("SELECT COUNT(*) FROM behaviour_events WHERE external_key LIKE 'reward:%'")).Single());

        // A student's page from the class list (the academic view), and a concern raised from the list in one click.
        var list = page.Locator("table[data-testid^=class-]").First;
        var name = await list.Locator("tbody tr").First.Locator("td").Nth(1).InnerTextAsync();
        await list.Locator("tbody tr").First.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await page.GoBackAsync();
        await page.Locator("table[data-testid^=class-]").First.Locator("tbody tr").First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Raise a concern") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Raise a concern or referral about {name}" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "raise-concern");
        await page.GetByLabel("What happened").FillAsync("Upset in my lesson today; said things are difficult at home.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("raised")).ToContainTextAsync("Sent to");
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = app.BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form, passing or setting up two-factor sign-in where the account needs it.</summary>
    private async Task SignInAsync(IPage page, string email, string password = Core.Security.IdentitySetup.DemoPassword)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, "/sign-in").ToString());
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        if (page.Url.Contains("/sign-in/two-factor", StringComparison.Ordinal))
        {
            await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(Accounts.KeyOf(email)!, DateTimeOffset.UtcNow.AddSeconds(30)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }
        else if (page.Url.EndsWith("/account/two-factor", StringComparison.Ordinal))
        {
            var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
            await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
            Accounts.Remember(email, key);
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue to Caseload" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Opens the page (if given), saves a full-page screenshot, and fails on serious or critical axe-core violations.</summary>
    private async Task AccessibleAsync(IPage page, string name, string? path = null)
    {
        if (path is not null)
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, $"{name}.png"), FullPage = true });
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(bad.Count == 0, $"{name}: accessibility violations:\n{string.Join("\n", bad)}");
    }
}

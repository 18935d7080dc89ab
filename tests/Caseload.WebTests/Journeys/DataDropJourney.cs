using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class DataDropJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task An_administrator_opens_a_data_point_and_a_teacher_enters_a_class_from_the_keyboard_saved_as_they_go()
    {
        var admin = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'administrator' ORDER BY s.id LIMIT 1
            """)).Single();
        var teacherId = (await App.QueryAsync<long>("""
            SELECT s.id FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'subject-teacher' ORDER BY s.id DESC LIMIT 1
            """)).Single();
        var teacher = (await App.QueryAsync<string>($"SELECT email FROM staff WHERE id = {teacherId}")).Single();
        var course = (await App.QueryAsync<string>($"SELECT c.code FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.teacher_staff_id = {teacherId} ORDER BY c.code LIMIT 1")).Single();
        var courseName = (await App.QueryAsync<string>($"SELECT name FROM courses WHERE code = '{course}' AND institution_id = (SELECT id FROM institutions WHERE code = 'DEMO')")).Single();
        var students = (await App.QueryAsync<long>($"SELECT COUNT(*) FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.teacher_staff_id = {teacherId} AND c.code = '{course}'")).Single();

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
        var point = (await App.QueryAsync<long>("SELECT id FROM data_points WHERE name = 'Spring 1'")).Single();
        var courseId = (await App.QueryAsync<long>($"SELECT id FROM courses WHERE code = '{course}' AND institution_id = (SELECT id FROM institutions WHERE code = 'DEMO')")).Single();
        // Each teaching group of the course is a class of its own on the list; the course's whole sheet is there too.
        var groups = await App.QueryAsync<string>($"SELECT DISTINCT teaching_group FROM enrolments WHERE teacher_staff_id = {teacherId} AND course_id = {courseId} ORDER BY teaching_group");
        Assert.NotEmpty(groups);
        foreach (var group in groups)
        {
            await Assertions.Expect(page.Locator($"a[href='/data-drops/{point}/classes/{courseId}?group={Uri.EscapeDataString(group)}']")).ToHaveTextAsync($"{group} {courseName}");
        }
        await page.Locator($"a[href='/data-drops/{point}/classes/{courseId}?group={Uri.EscapeDataString(groups[0])}']").ClickAsync();
        var inFirst = (await App.QueryAsync<long>($"SELECT COUNT(*) FROM enrolments WHERE teacher_staff_id = {teacherId} AND course_id = {courseId} AND teaching_group = '{groups[0]}'")).Single();
        await Assertions.Expect(page.GetByText($"0 of {inFirst} grades entered.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{groups[0]} {courseName}" })).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(App.BaseAddress, $"/data-drops/{point}/classes/{courseId}").ToString());
        await Assertions.Expect(page.GetByText($"0 of {students} grades entered.")).ToBeVisibleAsync();
        var rows = page.Locator("tr[data-row]");
        await Assertions.Expect(rows).ToHaveCountAsync((int)students); // waits for the whole table to be parsed
        var grades = (await page.Locator("#scale-grades option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)")).ToList();
        // A grade that is not on the scale is refused in place, with what the scale allows, and nothing is stored.
        var invalid = grades.Contains("MMM") ? "A*" : "MMM";
        var first = rows.Nth(0).Locator("input[data-field=Grade]");
        await first.FocusAsync();
        await page.Keyboard.TypeAsync(invalid);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(rows.Nth(0).Locator("[data-status]")).ToContainTextAsync(invalid);
        await Assertions.Expect(rows.Nth(0).Locator("[data-status]")).ToContainTextAsync("expected");
        Assert.Equal(0, (await App.QueryAsync<long>("SELECT COUNT(*) FROM assessment_grades g JOIN data_points d ON d.id = g.data_point_id AND d.name = 'Spring 1'")).Single());
        await first.FillAsync("");
        await first.FocusAsync();
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
        var stored = await App.QueryAsync<long>($"""
            SELECT COUNT(*) FROM assessment_grades g JOIN data_points d ON d.id = g.data_point_id AND d.name = 'Spring 1'
            WHERE g.effort IS NOT NULL AND g.comment IS NOT NULL
            """);
        Assert.Equal(students, stored.Single());
        // What was typed is what was saved, row by row, as the scale writes it.
        var saved = await App.QueryAsync<string>($"""
            SELECT g.grade FROM assessment_grades g JOIN data_points d ON d.id = g.data_point_id AND d.name = 'Spring 1'
            JOIN enrolments e ON e.id = g.enrolment_id JOIN students s ON s.id = e.student_id ORDER BY s.last_name, s.first_name, s.id
            """);
        Assert.Equal(Enumerable.Range(0, (int)students).Select(i => grades[i % grades.Count]), saved);

        // Once closed, the sheet is read-only and says why.
        await page.Context.CloseAsync();
        page = await NewPageAsync(1280, 900);
        await SignInAsync(page, admin);
        await page.GotoAsync(new Uri(App.BaseAddress, "/data-drops").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Close Spring 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Spring 1" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Every class's grades are in.")).ToBeVisibleAsync();
        await AccessibleAsync(page, "data-drop-completion");
    }
}

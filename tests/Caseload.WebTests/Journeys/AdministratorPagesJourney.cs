using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class AdministratorPagesJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task An_administrator_reaches_the_audit_log_and_the_two_factor_settings()
    {
        var email = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'administrator' ORDER BY s.id LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email);

        // The administrator opens a student's record, then asks who has looked at it: their own name is there, with their role.
        var (studentId, first, last) = (await App.QueryAsync<string>("""
            SELECT s.id || '|' || s.first_name || '|' || s.last_name FROM students s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE s.preferred_name IS NULL ORDER BY s.id DESC LIMIT 1
            """)).Single().Split('|') is var parts ? (parts[0], parts[1], parts[2]) : default;
        var me = (await App.QueryAsync<string>($"SELECT first_name || ' ' || last_name FROM staff WHERE email = '{email}'")).Single();
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{studentId}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Who has looked at this record" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("readers").Locator("tbody tr").First).ToContainTextAsync(me);
        await Assertions.Expect(page.GetByTestId("readers").Locator("tbody tr").First).ToContainTextAsync("The student's record");
        await AccessibleAsync(page, "record-readers");

        // The audit log finds the student by name typed surname first, names who acted, and downloads what it shows.
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await page.GetByLabel("Student (name, ID or UPN)").FillAsync($"{last} {first}");
        await page.GetByLabel("Action").SelectOptionAsync("Read");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find entries" }).ClickAsync();
        var lines = page.GetByTestId("audit-lines").Locator("tbody tr");
        await Assertions.Expect(lines.First).ToContainTextAsync(me);
        await Assertions.Expect(lines.First).ToContainTextAsync($"{first} {last}");
        await Assertions.Expect(lines.First).ToContainTextAsync("view");
        Assert.DoesNotContain("staff:", await page.GetByTestId("audit-lines").InnerTextAsync(), StringComparison.Ordinal);
        await AccessibleAsync(page, "audit-log");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("audit-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(me, csv, StringComparison.Ordinal);
        Assert.Contains($"{first} {last}", csv, StringComparison.Ordinal);

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

        // The calendar: the demo's year with its terms, and a file with a mistake is refused with where it is.
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-year").First).ToContainTextAsync("Autumn");
        await AccessibleAsync(page, "calendar");
        var file = Path.Combine(App.Directory.FullName, "bad-calendar.csv");
        await File.WriteAllTextAsync(file, "kind,name,start_date,end_date\nyear,2026/27,2026-09-01,2027-08-31\nterm,Autumn,2026-09-01,not a date\n");
        await page.GetByLabel("Calendar file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-problems")).ToContainTextAsync("bad-calendar.csv:3:4: end_date 'not a date' is not a date; expected yyyy-MM-dd or dd/MM/yyyy");
        await AccessibleAsync(page, "calendar-refused");
    }
}

using System.Text;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

/// <summary>A letter home prints as a letter: the institution's name at its head, its line breaks kept, one A4 page, and none of the site around it.</summary>
[Collection(WebAppCollection.Name)]
public sealed class LetterPrintJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_tutor_prints_an_attendance_letter_to_pdf_without_the_site_around_it()
    {
        var tutor = (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor'
              AND EXISTS (SELECT 1 FROM tutor_groups g JOIN students st ON st.tutor_group_id = g.id
                          WHERE g.tutor_staff_id = s.id AND st.on_roll AND EXISTS (SELECT 1 FROM student_contacts c WHERE c.student_id = st.id))
            ORDER BY s.id DESC LIMIT 1
            """)).Single(); // the demo's last tutor with a group (other tests add tutors without one)
        var student = (await App.QueryAsync<long>($"""
            SELECT st.id FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff s ON s.id = g.tutor_staff_id
            WHERE s.email = '{tutor}' AND st.on_roll AND EXISTS (SELECT 1 FROM student_contacts c WHERE c.student_id = st.id) ORDER BY st.id LIMIT 1
            """)).Single();
        var institution = (await App.QueryAsync<string>("SELECT name FROM institutions WHERE code = 'DEMO'")).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, tutor);
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{student}/letters/attendance").ToString());
        await Assertions.Expect(page.GetByTestId("letterhead")).ToHaveTextAsync(institution);

        // As the printer sees it: the letter, and nothing of the site.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("letter")).ToContainTextAsync("Dear ");
        await Assertions.Expect(page.GetByTestId("letter")).ToContainTextAsync("Yours sincerely");
        foreach (var hidden in new[] { page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }), page.GetByRole(AriaRole.Button, new() { Name = "Print" }),
            page.GetByRole(AriaRole.Button, new() { Name = "Log as sent" }), page.GetByRole(AriaRole.Link, new() { Name = "Back to the student" }), page.Locator(".app-header") })
        {
            await Assertions.Expect(hidden).ToBeHiddenAsync();
        }
        // Line breaks as written: "Yours sincerely," and the sender's name are on lines of their own.
        var lines = (await page.GetByTestId("letter").InnerTextAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Yours sincerely,", lines);
        Assert.True(lines.Length >= 8, $"the letter printed as {lines.Length} lines");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, "letter-print.png"), FullPage = true });

        // To PDF, as Chromium prints it: one A4 page.
        var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new() { Format = "A4", PrintBackground = false }));
        Assert.StartsWith("%PDF-", pdf, StringComparison.Ordinal);
        var pages = System.Text.RegularExpressions.Regex.Matches(pdf, @"/Type\s*/Page(?![s\w])").Count;
        Assert.Equal(1, pages);
    }
}

using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class TeacherAcademicViewJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_subject_teacher_sees_grades_of_students_they_teach_and_is_refused_pastoral_pages()
    {
        var staff = (await App.QueryAsync<long>("""
            SELECT s.id FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'subject-teacher' ORDER BY s.id LIMIT 1
            """)).Single();
        var email = (await App.QueryAsync<string>($"SELECT email FROM staff WHERE id = {staff}")).Single();
        var taught = (await App.QueryAsync<long>($"SELECT student_id FROM enrolments WHERE teacher_staff_id = {staff} LIMIT 1")).Single();
        var other = (await App.QueryAsync<long>($"""
            SELECT st.id FROM students st JOIN institutions i ON i.id = st.institution_id AND i.code = 'DEMO'
            WHERE NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.student_id = st.id AND e.teacher_staff_id = {staff}) LIMIT 1
            """)).Single();
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email);

        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{taught}").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Achievement" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Heading, new() { Name = "Attendance by week" }).CountAsync());
        await AccessibleAsync(page, "profile-academic-view");

        foreach (var refused in new[] { $"/students/{other}", "/admin/audit" })
        {
            var response = await page.GotoAsync(new Uri(App.BaseAddress, refused).ToString());
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        }
    }
}

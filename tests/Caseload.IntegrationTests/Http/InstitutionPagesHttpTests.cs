using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Http;

/// <summary>
/// The pages that set up a real institution: an administrator imports the calendar from its page (refused whole with
/// file:line:column); a tutor adds a parent on the profile and is told when someone else changed it first; cover is
/// arranged on its page by a senior tutor. Each is "not found" for anyone who may not use it.
/// </summary>
public sealed class InstitutionPagesHttpTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_calendar_contact_and_cover_pages_work_for_those_who_may_use_them(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var app = new CaseloadWebFactory(db);
        var admin = await app.SignedInAsync(institution, "T006");
        var tutor = await app.SignedInAsync(institution, "T001");
        var senior = await app.SignedInAsync(institution, "T002");

        // The calendar: administrators only; a bad file changes nothing and says where; a good one shows its terms.
        Assert.Equal(HttpStatusCode.NotFound, (await tutor.GetAsync(new Uri("/admin/calendar", UriKind.Relative))).StatusCode);
        var refused = await CaseloadWebFactory.PostFileAsync(admin, "/admin/calendar", "file", "terms.csv", "kind,name,start_date,end_date\nyear,2026/27,2026-09-01,2027-07-21\nterm,Summer,2027-04-12,2027-07-30\n");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("terms.csv:3:3: term 'Summer' ends on 2027-07-30, after its year '2026/27' ends (2027-07-21); expected it inside the year", html, StringComparison.Ordinal);
        await using (var context = db.NewContext())
        {
            Assert.Equal(new DateOnly(2027, 8, 31), await context.AcademicYears.Select(y => y.EndDate).SingleAsync());
        }
        var imported = await CaseloadWebFactory.PostFileAsync(admin, "/admin/calendar", "file", "calendar.csv", await File.ReadAllTextAsync(Samples.PathOf("calendar")));
        html = WebUtility.HtmlDecode(await imported.Content.ReadAsStringAsync());
        Assert.Contains("Imported: 0 year(s) added, 1 replaced, 0 unchanged.", html, StringComparison.Ordinal);
        Assert.Contains("Autumn half term", html, StringComparison.Ordinal);

        // A parent added on the profile by the tutor; a stale second edit is refused with who saved first.
        int ollie;
        await using (var context = db.NewContext())
        {
            ollie = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        }
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Kasia Nowak",
            ["Relationship"] = "Aunt",
            ["ParentalResponsibility"] = "false",
            ["Phone"] = "07700 900321",
            ["Address"] = "5 Quay Street\nRiverside",
            ["Postcode"] = "ZZ5 2XY",
            ["PreferredMethod"] = "phone",
            ["Version"] = "0",
        };
        var added = await CaseloadWebFactory.PostFormAsync(tutor, $"/students/{ollie}/contacts/new", $"/students/{ollie}/contacts/new", new(fields));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        int contact;
        await using (var context = db.NewContext())
        {
            contact = await context.StudentContacts.Where(c => c.Name == "Kasia Nowak").Select(c => c.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await CaseloadWebFactory.PostFormAsync(tutor, $"/students/{ollie}/contacts/{contact}", $"/students/{ollie}/contacts/{contact}", new(fields) { ["Phone"] = "07700 900999" })).StatusCode);
        var stale = await CaseloadWebFactory.PostFormAsync(senior, $"/students/{ollie}/contacts/{contact}", $"/students/{ollie}/contacts/{contact}", new(fields) { ["Phone"] = "07700 900000" });
        html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Kasia Nowak's details was changed by Grace Okafor", html, StringComparison.Ordinal);
        Assert.Contains("07700 900999", html, StringComparison.Ordinal); // the latest version is shown
        var teacher = await app.SignedInAsync(institution, "T003");
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync(new Uri($"/students/{ollie}/contacts/new", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tutor.GetAsync(new Uri($"/students/{ollie}/contacts/not-a-number", UriKind.Relative))).StatusCode);

        // Cover: the senior tutor arranges it; the tutor may not (no form, and a post is not found).
        await using (var context = db.NewContext())
        {
            var grace = await context.Staff.Where(s => s.ExternalId == "T001").Select(s => s.Id).SingleAsync();
            var aisha = await context.Staff.Where(s => s.ExternalId == "T003").Select(s => s.Id).SingleAsync();
            var cover = new Dictionary<string, string> { ["Whose"] = $"{grace}", ["CoverStaffId"] = $"{aisha}", ["From"] = "2026-11-23", ["To"] = "2026-11-27" };
            Assert.Equal(HttpStatusCode.NotFound, (await CaseloadWebFactory.PostFormAsync(tutor, "/cover", "/cover", new(cover))).StatusCode);
            var bad = await CaseloadWebFactory.PostFormAsync(senior, "/cover", "/cover", new(cover) { ["To"] = "2026-11-20" });
            Assert.Contains("is before the first", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await CaseloadWebFactory.PostFormAsync(senior, "/cover", "/cover", new(cover))).StatusCode);
            Assert.Equal(1, await context.Covers.CountAsync());
        }
        var covering = WebUtility.HtmlDecode(await teacher.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("Covering for Grace Okafor (whole caseload) until Friday 27 November", covering, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

/// <summary>
/// The sample school with photos and a letterhead: the administrator sets the letterhead's address and logo; the tutor
/// sees her students' faces, prints a letter (letterhead, address, one page), a student's summary, a 1:1 record and her
/// tutor-group list — each to PDF with Chromium, none with the site around it. A photo is never served to staff who may
/// not see the student.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class PrintAndPhotosJourney(WebApp app) : BrowserJourney(app)
{
    private static int Pages(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();

    [Fact]
    public async Task The_letterhead_photos_and_print_outs_of_the_sample_school()
    {
        var amira = (await App.QueryAsync<long>("SELECT s.id FROM students s JOIN institutions i ON i.id = s.institution_id AND i.code = 'OTHER' WHERE s.external_id = 'S1001'")).Single();
        var zofia = (await App.QueryAsync<long>("SELECT s.id FROM students s JOIN institutions i ON i.id = s.institution_id AND i.code = 'OTHER' WHERE s.external_id = 'S1005'")).Single();

        // The administrator sets the letterhead: three lines and a logo.
        var (adminEmail, adminPassword) = await App.AccountAsync("OTHER", "T006");
        var admin = await NewPageAsync(1280, 900);
        await SignInAsync(admin, adminEmail, adminPassword);
        await admin.GotoAsync(new Uri(App.BaseAddress, "/admin/letters").ToString());
        await admin.GetByLabel("Address and contact lines").FillAsync("1 River Road\nRiverside RV1 2AB\n01234 567890");
        await admin.GetByLabel(new Regex("^Logo")).SetInputFilesAsync(new FilePayload
        {
            Name = "logo.png",
            MimeType = "image/png",
            Buffer = WebApp.Picture(900, 300, SkiaSharp.SKColors.Navy, SkiaSharp.SKEncodedImageFormat.Png),
        });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save the letterhead" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("letterhead-saved")).ToBeVisibleAsync();
        Assert.Equal(600, await admin.GetByTestId("current-logo").EvaluateAsync<int>("i => i.naturalWidth")); // 900×300 fitted to 600×200
        await AccessibleAsync(admin, "letterhead-settings");

        // The tutor: her caseload and Amira's page show Amira's photo.
        var (email, password) = await App.AccountAsync("OTHER", "T001");
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email, password);
        await page.GotoAsync(new Uri(App.BaseAddress, "/caseload").ToString());
        var face = page.Locator($"img.app-face[src='/students/{amira}/photo']");
        await Assertions.Expect(face).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{amira}").ToString());
        var large = page.Locator("img.app-face--large");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.app-face--large'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.Equal(240, await large.EvaluateAsync<int>("i => i.naturalWidth")); // stored fitted inside 240×300
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, "profile-photo.png") });

        // The student's summary prints without the site, the tabs or the forms, with attendance and achievement.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print a summary" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#attendance")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#achievement")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#timeline")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("This is a student's confidential record")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, "profile-print.png"), FullPage = true });
        var profilePdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.InRange(Pages(profilePdf), 1, 4);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // A letter home: the letterhead's logo and lines, the parent's address, one A4 page.
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{amira}/letters/attendance").ToString());
        await Assertions.Expect(page.GetByTestId("letterhead-lines")).ToContainTextAsync("1 River Road");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=letterhead-logo]'); return i && i.complete && i.naturalWidth > 0; }");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("letterhead")).ToContainTextAsync("Riverside RV1 2AB");
        await Assertions.Expect(page.GetByTestId("letter-address")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, "letter-letterhead-print.png"), FullPage = true });
        Assert.Equal(1, Pages(await page.PdfAsync(new() { Format = "A4" })));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // A 1:1 record prints as the record alone.
        await page.GotoAsync(new Uri(App.BaseAddress, $"/students/{amira}/one-to-one").ToString());
        await page.GetByLabel("Notes").FillAsync("Talked about attendance on Mondays; a plan for the bus.");
        await page.Locator("#target-0-text").FillAsync("Catch the 7:40 bus on Mondays");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save 1:1" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recorded")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("recorded")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("meeting-notes")).ToContainTextAsync("a plan for the bus");
        await Assertions.Expect(page.GetByTestId("targets-set")).ToContainTextAsync("Catch the 7:40 bus");
        Assert.Equal(1, Pages(await page.PdfAsync(new() { Format = "A4" })));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The tutor-group list: the overview, then each group with students on a page of its own.
        await page.GotoAsync(new Uri(App.BaseAddress, "/groups").ToString());
        var groups = await page.Locator("section.app-print-page").CountAsync();
        Assert.True(groups >= 1);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("section.app-print-page").First).ToContainTextAsync("Amira Hassan");
        Assert.Equal(1 + groups, Pages(await page.PdfAsync(new() { Format = "A4" })));

        // Photos: her own student's to the tutor, privately; never another tutor group's, nor to someone signed out.
        using var http = await Accounts.SignInAsync(App, email, password);
        var photo = await http.GetAsync(new Uri($"/students/{amira}/photo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.True(photo.Headers.CacheControl?.Private, "a photo is cached privately, never by a shared cache");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/students/{zofia}/photo", UriKind.Relative))).StatusCode);
        using var nobody = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };
        Assert.NotEqual(HttpStatusCode.OK, (await nobody.GetAsync(new Uri($"/students/{amira}/photo", UriKind.Relative))).StatusCode);
        using var demoTutor = await Accounts.SignInAsync(App, (await App.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor' ORDER BY s.id LIMIT 1
            """)).Single());
        Assert.Equal(HttpStatusCode.NotFound, (await demoTutor.GetAsync(new Uri($"/students/{amira}/photo", UriKind.Relative))).StatusCode);
        // The logo, to the institution's own staff only.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/letterhead/logo", UriKind.Relative))).StatusCode);
    }
}

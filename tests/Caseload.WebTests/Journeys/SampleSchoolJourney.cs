using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

/// <summary>
/// The sample school, loaded from its MIS files with only documented commands (the fixture's second institution), as
/// its staff meet it in Chromium: the head of year, a head of house, a tutor with a group and a student by name, a
/// teacher covering that tutor (arranged on the Cover page by the senior tutor) and a senior leader each see exactly
/// their students; the tutor's letter home goes to the right parent at their address, never to one who must not be
/// contacted; and someone who has left cannot sign in.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SampleSchoolJourney(WebApp app) : BrowserJourney(app)
{
    private static readonly string[] Everyone = ["Amira Hassan", "Ollie Nowak", "Chidi Eze", "Mei O'Brien-Wong", "Zofia Ahmed"];

    private async Task<IPage> CaseloadOfAsync(string staffId, string shot)
    {
        var (email, password) = await App.AccountAsync("OTHER", staffId);
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, email, password);
        await page.GotoAsync(new Uri(App.BaseAddress, "/caseload").ToString());
        await AccessibleAsync(page, shot);
        return page;
    }

    private static async Task SeesExactlyAsync(IPage page, params string[] students)
    {
        await Assertions.Expect(page.GetByText($"{students.Length} of {students.Length} students")).ToBeVisibleAsync();
        foreach (var name in Everyone)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveCountAsync(students.Contains(name) ? 1 : 0);
        }
    }

    [Fact]
    public async Task Each_role_of_the_sample_school_sees_exactly_their_students_and_a_letter_reaches_the_right_parent()
    {
        // Tom Ellis leads Years 12 and 13 (every student); Owen Clarke heads Heron House (Ollie and Mei).
        var page = await CaseloadOfAsync("T004", "sample-head-of-year");
        await SeesExactlyAsync(page, Everyone);
        await page.Context.CloseAsync();
        page = await CaseloadOfAsync("T023", "sample-head-of-house");
        await SeesExactlyAsync(page, "Ollie Nowak", "Mei O'Brien-Wong");
        await page.Context.CloseAsync();

        // Grace Okafor tutors 12A and holds Mei by name (the caseloads import).
        page = await CaseloadOfAsync("T001", "sample-tutor");
        await SeesExactlyAsync(page, "Amira Hassan", "Ollie Nowak", "Chidi Eze", "Mei O'Brien-Wong");

        // Her letter home about Amira goes to her mother at her address; her father (a no-contact order) is never offered.
        await page.GetByRole(AriaRole.Link, new() { Name = "Amira Hassan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Parents and carers" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-contact")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebApp.Screenshots, "sample-contacts.png"), FullPage = true });
        await page.GetByTestId("letters").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("letter-address")).ToHaveTextAsync("Leila Hassan\n14 Orchard Road\nRiverside\nZZ1 4QT");
        await Assertions.Expect(page.Locator("#to option")).ToHaveTextAsync(["Leila Hassan (mother)"]);
        await AccessibleAsync(page, "sample-letter");

        // She adds Amira's aunt, who collects her on Fridays; the aunt is then on the profile with her address.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the student" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Parents and carers" }).ClickAsync();
        await page.GetByTestId("add-contact").ClickAsync();
        await AccessibleAsync(page, "sample-contact-form");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Noor Hassan");
        await page.GetByLabel("Relationship to Amira Hassan").FillAsync("Aunt");
        await page.GetByLabel("Has parental responsibility").UncheckAsync();
        await page.GetByLabel("Phone (optional)").FillAsync("07700 900777");
        await page.GetByLabel("Address (optional)", new() { Exact = true }).FillAsync("9 Willow Way\nRiverside");
        await page.GetByLabel("Postcode, if not in the address (optional)").FillAsync("zz6 1aa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Parents and carers" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("student-contacts")).ToContainTextAsync("Noor Hassan");
        await Assertions.Expect(page.GetByTestId("student-contacts")).ToContainTextAsync("ZZ6 1AA");
        await page.Context.CloseAsync();

        // Daniel Kowalski, her senior tutor, arranges cover of her whole caseload by Aisha Rahman (who only teaches) for
        // today and the rest of the week; Aisha's caseload then holds Grace's students and says whose they are.
        var (daniel, danielPassword) = await App.AccountAsync("OTHER", "T002");
        page = await NewPageAsync(1280, 900);
        await SignInAsync(page, daniel, danielPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cover", Exact = true }).ClickAsync();
        await page.GetByLabel("Who is away, and what to cover").SelectOptionAsync(new SelectOptionValue { Label = "Grace Okafor — whole caseload" });
        await page.GetByLabel("Covered by").SelectOptionAsync(new SelectOptionValue { Label = "Rahman, Aisha" });
        await page.GetByLabel("First day").FillAsync(Caseload.Tests.TestDay.Text);
        await page.GetByLabel("Last day").FillAsync(Caseload.Tests.TestDay.Today.AddDays(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange cover" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("covers")).ToContainTextAsync("Rahman");
        await AccessibleAsync(page, "sample-cover-arranged");
        await page.Context.CloseAsync();
        page = await CaseloadOfAsync("T003", "sample-cover-caseload");
        await Assertions.Expect(page.GetByTestId("covering")).ToContainTextAsync("Covering for Grace Okafor (whole caseload)");
        await SeesExactlyAsync(page, "Amira Hassan", "Ollie Nowak", "Chidi Eze", "Mei O'Brien-Wong");
        await page.Context.CloseAsync();

        // Marcus Reid, a senior leader, sees the whole school.
        page = await CaseloadOfAsync("T021", "sample-senior-leader");
        await SeesExactlyAsync(page, Everyone);
        await page.Context.CloseAsync();

        // Paul Green left on 23 October: no account can be made for him, so nobody signs in as him.
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.AccountAsync("OTHER", "T022"));
    }
}

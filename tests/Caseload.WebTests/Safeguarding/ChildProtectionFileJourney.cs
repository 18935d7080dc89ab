using System.Globalization;
using System.Net;
using Caseload.WebTests.Journeys;
using Microsoft.Playwright;

namespace Caseload.WebTests.Safeguarding;

/// <summary>
/// The child-protection file follows the child, in the browser: a child of the demo college with a safeguarding concern
/// leaves yesterday; the college's lead finds "send the child-protection file" in the inbox, prepares it (the pass-phrase
/// shown once), downloads the sealed file and records it sent; the sample school's lead (another institution in the same
/// database) receives it — a wrong pass-phrase refused — for the student with the same UPN and date of birth, reads it
/// from the chronology, and gives the receipt code; the college's lead records the acknowledgement with it and the task
/// is gone. The child's tutor reaches none of it.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ChildProtectionFileJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_leavers_file_is_prepared_sent_received_by_the_next_school_and_acknowledged_with_its_receipt_code()
    {
        // A child of the test's own, reported about, then off roll since yesterday with the UPN and date of birth of the
        // sample school's S1002 (Oliver Nowak, A123456789013, born 22 January 2010).
        var (tutorEmail, tutorPassword, students) = await App.NewTutorGroupAsync(1);
        var child = students[0];
        var leadEmail = await App.EmailOfAsync("safeguarding-lead");
        const string words = "File journey marker: a bruise on her wrist she would not explain";
        using (var leadHttp = await Accounts.SignInAsync(App, leadEmail))
        {
            var answer = await Accounts.PostFormAsync(leadHttp, $"/students/{child}/safeguarding/new", new()
            {
                ["Urgency"] = "Soon",
                ["OccurredOn"] = Caseload.Tests.TestDay.Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["What"] = words,
                ["Categories"] = "Physical abuse",
            });
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }
        var yesterday = Caseload.Tests.TestDay.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await App.ExecuteAsync($"UPDATE students SET upn = 'A123456789013', date_of_birth = '2010-01-22', left_on = '{yesterday}', on_roll = 0, leaving_reason = 'Moved to Other College' WHERE id = {child}");
        var college = (await App.QueryAsync<string>("SELECT name FROM institutions WHERE code = 'DEMO'")).Single();

        // The lead's inbox: the file to send; the page to prepare it.
        var lead = await NewPageAsync(1280, 900);
        await SignInAsync(lead, leadEmail);
        await lead.GotoAsync("/inbox");
        var task = lead.Locator("tr", new() { HasText = "send the child-protection file to the next school by" }).Filter(new() { HasText = "Test1 Student" });
        await Assertions.Expect(task).ToHaveCountAsync(1);
        await task.GetByRole(AriaRole.Link, new() { Name = "send the child-protection file" }).ClickAsync();
        await Assertions.Expect(lead).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/students/{child}/safeguarding/transfer$"));
        await Assertions.Expect(lead.GetByTestId("transfer-due")).ToContainTextAsync("Send the file to the child's next school or college by");
        await AccessibleAsync(lead, "child-protection-file-to-send");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Prepare the file" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("transfer-error")).ToHaveTextAsync("Give the school or college the file goes to.");
        await lead.GetByLabel("School or college").FillAsync("Other College");
        await lead.GetByLabel("Their designated safeguarding lead (optional)").FillAsync("Ruth Mensah");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Prepare the file" }).ClickAsync();
        var passPhrase = await lead.GetByTestId("pass-phrase").InnerTextAsync();
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){5}$", passPhrase);
        await AccessibleAsync(lead, "child-protection-file-prepared");
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.GetByTestId("download-bundle").ClickAsync());
        var bundle = Path.Combine(App.Directory.FullName, download.SuggestedFilename);
        await download.SaveAsAsync(bundle);
        Assert.DoesNotContain("bruise", await File.ReadAllTextAsync(bundle), StringComparison.Ordinal);
        var pdf = await lead.RunAndWaitForDownloadAsync(() => lead.GetByTestId("download-pdf").ClickAsync());
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);
        await lead.GetByLabel("How").FillAsync("Secure e-mail");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record that it was sent" }).ClickAsync();
        await Assertions.Expect(lead.GetByText("Awaiting acknowledgement")).ToBeVisibleAsync();
        await lead.GotoAsync("/inbox");
        await Assertions.Expect(lead.Locator("tr", new() { HasText = "send the child-protection file" }).Filter(new() { HasText = "Test1 Student" })).ToHaveCountAsync(0);

        // The child's tutor reaches none of it.
        using (var tutorHttp = await Accounts.SignInAsync(App, tutorEmail, tutorPassword))
        {
            foreach (var path in new[] { $"/students/{child}/safeguarding/transfer", "/safeguarding/transfers" })
            {
                var answer = await tutorHttp.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            }
        }

        // The sample school's lead receives it: a wrong pass-phrase first.
        var (otherEmail, otherPassword) = await App.AccountAsync("OTHER", "T005");
        var other = await NewPageAsync(1280, 900);
        await SignInAsync(other, otherEmail, otherPassword);
        await other.GotoAsync("/inbox");
        await other.GetByRole(AriaRole.Link, new() { Name = "Child-protection files" }).ClickAsync();
        await other.GetByLabel("The file (.cpfile) from the child's previous school").SetInputFilesAsync(bundle);
        await other.GetByLabel("Pass-phrase (given to you separately)").FillAsync("wrong-pass-phrase-here");
        await other.GetByRole(AriaRole.Button, new() { Name = "Receive the file" }).ClickAsync();
        await Assertions.Expect(other.GetByTestId("receive-error")).ToContainTextAsync($"The pass-phrase does not open this file from {college}");
        await other.GetByLabel("The file (.cpfile) from the child's previous school").SetInputFilesAsync(bundle);
        await other.GetByLabel("Pass-phrase (given to you separately)").FillAsync(passPhrase);
        await other.GetByRole(AriaRole.Button, new() { Name = "Receive the file" }).ClickAsync();
        var receipt = await other.GetByTestId("receipt-code").InnerTextAsync();
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", receipt);
        await AccessibleAsync(other, "child-protection-file-received");
        await other.GetByRole(AriaRole.Link, new() { Name = "Ollie Nowak's chronology" }).ClickAsync();
        await Assertions.Expect(other.GetByTestId("received-from")).ToContainTextAsync($"Received from {college}");
        await other.GetByTestId("received-from").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(other.GetByTestId("received-chronology-0")).ToContainTextAsync(words);
        await AccessibleAsync(other, "child-protection-file-read");

        // The college's lead records the acknowledgement with the receipt code.
        await lead.GotoAsync($"/students/{child}/safeguarding/transfer");
        await Assertions.Expect(lead.GetByLabel("Acknowledged by")).ToHaveValueAsync("Ruth Mensah");
        await lead.GetByLabel("Receipt code (optional)").FillAsync("aaaa-bbbb-cccc");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the acknowledgement" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("transfer-error")).ToContainTextAsync("is not the one sealed in the file sent to Other College");
        await lead.GetByLabel("Receipt code (optional)").FillAsync(receipt);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the acknowledgement" }).ClickAsync();
        await Assertions.Expect(lead.Locator("[data-testid^='ack-']")).ToContainTextAsync("Acknowledged by Ruth Mensah");
        await Assertions.Expect(lead.Locator("[data-testid^='ack-']")).ToContainTextAsync("with the receipt code from the file");
        await AccessibleAsync(lead, "child-protection-file-acknowledged");
    }
}

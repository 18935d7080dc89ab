using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Http;

/// <summary>
/// The forms on a student's page post to their features' pages: a concern (anyone who sees the student), a case, a
/// contact home, behaviour and an aspirational target (the pastoral record). Each page is "not found" for anyone who may
/// not use it; a refusal shows the form again with what was typed and why; a success goes back to the student.
/// </summary>
public sealed class StudentFormsHttpTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_form_page_is_there_for_those_who_may_use_it_and_keeps_what_was_typed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        int ollie, other, maths;
        await using (var context = db.NewContext())
        {
            ollie = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
            other = await context.Students.Where(s => s.ExternalId == "S1004").Select(s => s.Id).SingleAsync();
            maths = await context.Enrolments.Where(e => e.StudentId == ollie).Select(e => e.Id).FirstAsync();
        }
        await using var app = new CaseloadWebFactory(db);
        var tutor = await app.SignedInAsync(institution, "T001");   // 12A's tutor: Ollie's pastoral record
        var teacher = await app.SignedInAsync(institution, "T003"); // teaches Ollie: his courses only
        string[] pastoralPages = ["cases/new", "parent-contacts/new", "behaviour", "aspiration"];

        foreach (var page in pastoralPages.Append("referrals/new"))
        {
            Assert.Equal(HttpStatusCode.OK, (await tutor.GetAsync(new Uri($"/students/{ollie}/{page}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await tutor.GetAsync(new Uri($"/students/{other}/{page}", UriKind.Relative))).StatusCode);
        }
        foreach (var page in pastoralPages)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync(new Uri($"/students/{ollie}/{page}", UriKind.Relative))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync(new Uri($"/students/{ollie}/referrals/new", UriKind.Relative))).StatusCode);

        // Refusals keep what was typed and say why.
        var profile = $"/students/{ollie}";
        var noWords = await CaseloadWebFactory.PostFormAsync(teacher, $"{profile}/referrals/new", profile,
            new() { ["ReferCategory"] = "Wellbeing", ["ReferUrgency"] = "Soon", ["ReferWhat"] = "  " });
        Assert.Equal(HttpStatusCode.OK, noWords.StatusCode);
        var html = await noWords.Content.ReadAsStringAsync();
        Assert.Contains("Write what happened.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Wellbeing\" selected", html, StringComparison.Ordinal);
        var noStage = await CaseloadWebFactory.PostFormAsync(tutor, $"{profile}/cases/new", profile,
            new() { ["CaseStage"] = "9", ["CaseReason"] = "Progress", ["CaseSummary"] = "Behind in maths" });
        html = await noStage.Content.ReadAsStringAsync();
        Assert.Contains("There is no stage 9; expected one of 1, 2, 3, 4, 5.", html, StringComparison.Ordinal);
        Assert.Contains(">Behind in maths</textarea>", html, StringComparison.Ordinal);
        var future = await CaseloadWebFactory.PostFormAsync(tutor, $"{profile}/parent-contacts/new", profile,
            new() { ["ContactMethod"] = "Call", ["ContactWith"] = "Mother", ["ContactOn"] = "2026-12-25", ["ContactSummary"] = "Talked about Mondays" });
        html = await future.Content.ReadAsStringAsync();
        Assert.Contains("The contact&#x27;s date 25 Dec 2026 is in the future", html, StringComparison.Ordinal);
        Assert.Contains(">Talked about Mondays</textarea>", html, StringComparison.Ordinal);
        var tooMany = await CaseloadWebFactory.PostFormAsync(tutor, $"{profile}/behaviour?handler=Reward", profile,
            new() { ["RewardCategory"] = "Effort", ["RewardPoints"] = "50" });
        Assert.Contains("A reward&#x27;s points are 50; expected 1 to 10.", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var offScale = await CaseloadWebFactory.PostFormAsync(tutor, $"{profile}/aspiration", profile, new() { ["Enrolment"] = maths.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Grade"] = "Z" });
        Assert.Contains("data-testid=\"aspiration-error\"", await offScale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Successes go where the work is seen.
        var raised = await CaseloadWebFactory.PostFormAsync(teacher, $"{profile}/referrals/new", profile,
            new() { ["ReferCategory"] = "Concern", ["ReferUrgency"] = "Routine", ["ReferWhat"] = "Asleep in my lesson" });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Matches(@"^/referrals/\d+\?raised=true$", raised.Headers.Location!.OriginalString);
        var opened = await CaseloadWebFactory.PostFormAsync(tutor, $"{profile}/cases/new", profile,
            new() { ["CaseStage"] = "1", ["CaseReason"] = "Progress", ["CaseSummary"] = "Behind in maths" });
        Assert.Matches(@"^/cases/\d+$", opened.Headers.Location!.OriginalString);
        var logged = await CaseloadWebFactory.PostFormAsync(tutor, $"{profile}/parent-contacts/new", profile,
            new() { ["ContactMethod"] = "Call", ["ContactWith"] = "Mother", ["ContactOn"] = "2026-11-20", ["ContactSummary"] = "Talked about Mondays" });
        Assert.Equal($"/students/{ollie}#contacts", logged.Headers.Location!.OriginalString);
        var rewarded = await CaseloadWebFactory.PostFormAsync(tutor, $"{profile}/behaviour?handler=Reward", profile,
            new() { ["RewardCategory"] = "Effort", ["RewardPoints"] = "2" });
        Assert.Equal($"/students/{ollie}#behaviour", rewarded.Headers.Location!.OriginalString);
        var aimed = await CaseloadWebFactory.PostFormAsync(tutor, $"{profile}/aspiration", profile, new() { ["Enrolment"] = maths.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Grade"] = "" });
        Assert.Equal($"/students/{ollie}#achievement", aimed.Headers.Location!.OriginalString);

        // The teacher may not use the pastoral forms even by posting to them.
        var refused = await CaseloadWebFactory.PostFormAsync(teacher, $"{profile}/cases/new", $"{profile}/referrals/new",
            new() { ["CaseStage"] = "1", ["CaseReason"] = "Progress", ["CaseSummary"] = "Not mine to open" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await using var check = db.NewContext();
        Assert.Equal(1, await check.InterventionCases.CountAsync());
        Assert.Equal(1, await check.Referrals.CountAsync());
        Assert.Equal(1, await check.ParentContacts.CountAsync());
    }
}

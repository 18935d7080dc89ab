using System.Net;

namespace Caseload.WebTests.Referrals;

/// <summary>
/// Nobody outside the safeguarding team learns that a safeguarding concern exists: a concern is raised, then every page,
/// endpoint and export an administrator can reach is searched for its id, its words and its audit entries. The
/// safeguarding lead finds them in the audit log.
/// </summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed class RestrictedReferralSweepTests(WebApp app)
{
    [Fact]
    public async Task An_administrator_finds_no_trace_of_a_safeguarding_concern_and_the_safeguarding_lead_finds_its_trail()
    {
        const string words = "Sweep marker: disclosed a worry";
        var (student, external) = ((await app.QueryAsync<long>("SELECT s.id FROM students s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO' ORDER BY s.id DESC LIMIT 1")).Single(),
            (await app.QueryAsync<string>("SELECT s.external_id FROM students s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO' ORDER BY s.id DESC LIMIT 1")).Single());
        using (var services = await Accounts.SignInAsync(app, await app.EmailOfAsync("student-services")))
        {
            await Accounts.PostFormAsync(services, $"/students/{student}/referrals/new",
                new() { ["ReferCategory"] = "Safeguarding", ["ReferUrgency"] = "Urgent", ["ReferWhat"] = words }, $"/students/{student}");
        }
        var id = (await app.QueryAsync<long>($"SELECT id FROM referrals WHERE student_id = {student} AND restricted = 1 ORDER BY id DESC LIMIT 1")).Single();
        using (var dsl = await Accounts.SignInAsync(app, await app.EmailOfAsync("safeguarding-lead")))
        {
            Assert.Contains(words, await dsl.GetStringAsync(new Uri($"/referrals/{id}", UriKind.Relative))); // read: audited
            var trail = await dsl.GetStringAsync(new Uri("/admin/audit?Entity=Referral", UriKind.Relative));
            Assert.Matches($"Referral <span[^>]*>#{id}<", trail); // the audit page's line: the record type and its number
            // A record type not in the list (an old link, a hand-made address) is refused in words, linked to the list.
            foreach (var type in new[] { "NoSuchRecord", new string('x', 5000) })
            {
                Assert.Contains("<a href=\"#Entity\">Record type ", await dsl.GetStringAsync(new Uri($"/admin/audit?Entity={type}", UriKind.Relative)), StringComparison.Ordinal);
            }
        }

        using var admin = await Accounts.SignInAsync(app, await app.EmailOfAsync("administrator"));
        var swept = 0;
        foreach (var path in new[]
        {
            "/", "/inbox", "/referrals", "/one-to-ones", "/groups", "/behaviour/log", $"/students/{student}",
            $"/api/v1/students/{student}", $"/api/v1/students/{student}/timeline", $"/api/v1/students/{student}/cases",
            "/api/v1/referrals", "/api/v1/inbox", "/api/v1/caseload", "/cohorts?level=institution&key=all&format=csv",
            "/admin/audit", "/admin/audit?Entity=Referral", $"/admin/audit?Student={external}", "/admin/audit?Action=Read",
            $"/admin/audit?Entity=Referral&Student={external}&From={Caseload.Tests.TestDay.Text}&To={Caseload.Tests.TestDay.Text}",
            $"/referrals/{id}", $"/api/v1/referrals/{id}", $"/students/{student}/readers", $"/admin/audit?Student={external}&Format=csv",
        })
        {
            var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.False(body.Contains(words, StringComparison.Ordinal), $"{path} shows the concern's words");
            Assert.False(body.Contains("A safeguarding concern", StringComparison.Ordinal), $"{path} shows that a safeguarding concern was read");
            Assert.False(body.Contains(",Referral,", StringComparison.Ordinal) && body.Contains($",{id},", StringComparison.Ordinal), $"{path} lists the concern in a download");
            // Its link, its audit line, or a referral object with its id (the API's referrals carry a numeric studentId).
            foreach (var trace in new[] { $"/referrals/{id}\"", $"Referral <span[^>]*>#{id}<", $"Referral {id}<", $"\"id\":{id},\"studentId\":[0-9]" })
            {
                var match = System.Text.RegularExpressions.Regex.Match(body, trace);
                var at = match.Success ? match.Index : -1;
                Assert.True(at < 0, $"{path} reveals that concern {id} exists: …{(at < 0 ? "" : body[Math.Max(0, at - 200)..Math.Min(body.Length, at + 100)])}…");
            }
            swept++;
        }
        Assert.Equal(23, swept);
    }
}

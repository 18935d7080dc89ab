using System.Net;
using Caseload.Core.Domain;

namespace Caseload.WebTests.Students;

/// <summary>
/// A profile is read once per view: a safeguarding concern on it is audited once per page view or API call, and an API
/// section reads only its own part (grades: no read of the record audited, no summary brought up to date).
/// </summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed class ProfileReadTests(WebApp app)
{
    [Fact]
    public async Task One_view_audits_each_safeguarding_concern_once_and_the_grades_section_audits_and_recomputes_nothing()
    {
        var email = await app.EmailOfAsync("safeguarding-lead");
        var student = (await app.QueryAsync<long>("""
            SELECT r.student_id FROM referrals r JOIN institutions i ON i.id = r.institution_id AND i.code = 'DEMO'
            WHERE r.restricted = 1 AND r.deleted_at IS NULL ORDER BY r.id LIMIT 1
            """)).Single();
        var concerns = (await app.QueryAsync<long>($"SELECT COUNT(*) FROM referrals WHERE student_id = {student} AND restricted = 1 AND deleted_at IS NULL")).Single();
        Assert.True(concerns > 0);
        using var http = await Accounts.SignInAsync(app, email);

        Task<long> RestrictedReadsAsync() => Count($"entity = '{nameof(Referral)}' AND student_id = {student} AND changes = '{{\"restricted\":true}}'");
        Task<long> RecordReadsAsync() => Count($"entity = 'StudentProfile' AND student_id = {student}");

        var before = await RestrictedReadsAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"/students/{student}", UriKind.Relative))).StatusCode);
        Assert.Equal(before + concerns, await RestrictedReadsAsync());

        // The grades section: its summary made "yesterday" stays so, and nothing is audited.
        await app.ExecuteAsync($"UPDATE student_summaries SET as_of = '2000-01-03' WHERE student_id = {student}");
        var (restricted, record) = (await RestrictedReadsAsync(), await RecordReadsAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"/api/v1/students/{student}/grades", UriKind.Relative))).StatusCode);
        Assert.Equal((restricted, record), (await RestrictedReadsAsync(), await RecordReadsAsync()));
        Assert.Equal("2000-01-03", (await app.QueryAsync<string>($"SELECT as_of FROM student_summaries WHERE student_id = {student}")).Single());

        // The timeline section reads the concerns once; the whole page brings the summary up to date again.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"/api/v1/students/{student}/timeline", UriKind.Relative))).StatusCode);
        Assert.Equal(restricted + concerns, await RestrictedReadsAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"/students/{student}", UriKind.Relative))).StatusCode);
        Assert.Equal(Caseload.Tests.TestDay.Text, (await app.QueryAsync<string>($"SELECT as_of FROM student_summaries WHERE student_id = {student}")).Single());
    }

    private async Task<long> Count(string where) => (await app.QueryAsync<long>($"SELECT COUNT(*) FROM audit_events WHERE {where}")).Single();
}

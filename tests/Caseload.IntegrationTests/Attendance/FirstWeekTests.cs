using Caseload.Core.Data;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.Students;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Attendance;

/// <summary>A school year that begins on a Tuesday (1 September 2026) keeps the marks of its first, short week.</summary>
public sealed class FirstWeekTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_year_that_begins_on_a_tuesday_counts_its_first_week(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync(); // its year: 1 September 2026 (a Tuesday) to 31 August 2027
        await db.ImportAllSamplesAsync(institution);
        // Amira's first four days: seven sessions present, one unauthorised absence (the samples add 4 sessions in week 2, all attended).
        var result = await db.ImportTextAsync(institution, "attendance", """
            student_id,date,session,code
            S1001,2026-09-01,AM,/
            S1001,2026-09-01,PM,/
            S1001,2026-09-02,AM,/
            S1001,2026-09-02,PM,O
            S1001,2026-09-03,AM,/
            S1001,2026-09-03,PM,/
            S1001,2026-09-04,AM,/
            S1001,2026-09-04,PM,/
            """);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var context = db.NewContext();
        var staffId = await context.Staff.Where(s => s.ExternalId == "T001").Select(s => s.Id).SingleAsync();
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();

        // By hand: 8 + 4 = 12 possible sessions, 7 + 4 = 11 attended, 1 unauthorised: 91.7% — this year and this term.
        var profile = (await new GetStudentProfile(context, db.Clock, new Core.Features.Institutions.ReferenceData(context, new Core.Features.Institutions.ReferenceData.Store()),
                new Caseload.Core.Features.Referrals.ReferralAccess(context, db.Clock, new AuditActor()))
            .HandleAsync(await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, staffId))!), amira, Today))!;
        Assert.Equal((12, 11, 1, 91.7m), (profile.Year!.Possible, profile.Year.Attended, profile.Year.UnauthorisedAbsence, profile.Year.AttendancePercent));
        Assert.Equal((12, 1), (profile.Term!.Possible, profile.Term.UnauthorisedAbsence));

        // The stored summary behind the caseload, the cohorts and the early warning says the same.
        var summary = (await StudentSummaries.ComputeAsync(context, institution, [amira], Today, db.Clock.GetUtcNow().UtcDateTime, default)).Single();
        Assert.Equal((12, 11, 1), (summary.YearPossible, summary.YearPresent, summary.YearUnauthorised));
    }
}

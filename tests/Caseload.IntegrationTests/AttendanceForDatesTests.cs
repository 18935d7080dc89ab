using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

public sealed class AttendanceForDatesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Any_range_of_dates_by_the_rules_for_those_who_may_see_it(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);

        Task<Caseload.Core.Rules.AttendanceFigures?> RangeAsync(string staff, string student, DateOnly from, DateOnly to) => db.RunAsync(async s =>
        {
            var context = s.GetRequiredService<CaseloadDbContext>();
            var staffId = await context.Staff.Where(x => x.ExternalId == staff).Select(x => x.Id).SingleAsync();
            var studentId = await context.Students.Where(x => x.ExternalId == student).Select(x => x.Id).SingleAsync();
            var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, staffId))!);
            return await s.GetRequiredService<GetAttendanceForDates>().HandleAsync(scope, studentId, from, to);
        });

        // S1002 on 8 September: AM U (arrived 35 minutes after the register closed), PM N -> 2 possible, both
        // unauthorised absences, one late (after close), 0% attended: severe absence.
        var day = await RangeAsync("T001", "S1002", new(2026, 9, 8), new(2026, 9, 8));
        Assert.Equal((2, 0, 2, 1, 1, 35), (day!.Possible, day.Attended, day.UnauthorisedAbsence, day.Lates, day.LatesAfterClose, day.MinutesLate));
        Assert.Equal(0m, day.AttendancePercent);
        Assert.True(day.SevereAbsence && day.PersistentAbsence);

        // 7-8 September adds two I (illness): 4 possible, 2 authorised, 2 unauthorised.
        var two = await RangeAsync("T001", "S1002", new(2026, 9, 7), new(2026, 9, 8));
        Assert.Equal((4, 2, 2), (two!.Possible, two.AuthorisedAbsence, two.UnauthorisedAbsence));
        Assert.Equal(50.0m, two.AuthorisedPercent);

        // T001 does not tutor S1004: nothing, as if the student did not exist.
        Assert.Null(await RangeAsync("T001", "S1004", new(2026, 9, 1), new(2026, 11, 20)));
        var backwards = await Assert.ThrowsAsync<ValidationException>(() => RangeAsync("T001", "S1002", new(2026, 10, 1), new(2026, 9, 1)));
        Assert.Equal("the range runs from 2026-10-01 to 2026-09-01; expected 'from' on or before 'to'", backwards.Message);

        // Each read is audited with its range.
        await using var check = db.NewContext();
        Assert.Equal(2, await check.AuditEvents.CountAsync(a => a.Entity == "StudentAttendance"));
    }
}

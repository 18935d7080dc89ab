using Caseload.Core;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Attendance;

/// <summary>"Absent today": the viewer's students with an absence mark in the day's registers, no reason yet first.</summary>
public sealed class AbsentTodayTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_tutor_sees_who_of_her_group_is_absent_on_a_day_and_which_absences_have_no_reason(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var tutorId = await context.Staff.Where(s => s.ExternalId == "T001").Select(s => s.Id).SingleAsync();
        var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, tutorId))!);
        var absent = new GetAbsentToday(context, new ReferenceData(context, new ReferenceData.Store()));

        // Grace tutors 12A: Amira (S1001), Ollie (S1002), Chidi (S1003) (samples/tutor-groups.csv, students.csv).
        // Monday 7 September (samples/attendance.csv): Amira / \ (present); Ollie I I (illness: authorised absence);
        // Chidi / V (an educational visit is an approved activity, not an absence). Zofia's marks (12B) are not Grace's.
        var monday = await absent.HandleAsync(scope, new DateOnly(2026, 9, 7));
        Assert.Equal((3, 3), (monday.OnRoll, monday.Marked));
        var ollie = Assert.Single(monday.Students);
        Assert.Equal(("Ollie Nowak", "ON", "12A", false, false), (ollie.Name, ollie.Initials, ollie.TutorGroup, ollie.NoReason, ollie.Unauthorised));
        Assert.Equal(["AM I", "PM I"], ollie.Marks.Select(m => $"{m.Session} {m.Code}"));
        Assert.Equal(0, monday.NoReason);
        Assert.Null(monday.LastMarked);

        // Tuesday 8 September: Amira L (late, present); Ollie U (late after the register closed: unauthorised) and N
        // (no reason yet); Chidi X X (not required to attend: not an absence).
        var tuesday = await absent.HandleAsync(scope, new DateOnly(2026, 9, 8));
        Assert.Equal(3, tuesday.Marked);
        ollie = Assert.Single(tuesday.Students);
        Assert.Equal((true, true), (ollie.NoReason, ollie.Unauthorised));
        Assert.Equal(1, tuesday.NoReason);

        // Wednesday 9 September has no registers yet: nobody is absent, and the page offers Tuesday instead.
        var wednesday = await absent.HandleAsync(scope, new DateOnly(2026, 9, 9));
        Assert.Equal((3, 0), (wednesday.OnRoll, wednesday.Marked));
        Assert.Empty(wednesday.Students);
        Assert.Equal(new DateOnly(2026, 9, 8), wednesday.LastMarked);

        // Another day: up to a month back, never the future.
        Assert.Equal(new DateOnly(2026, 9, 7), (await absent.HandleAsync(scope, new DateOnly(2026, 9, 9), new DateOnly(2026, 9, 7))).Day);
        var future = await Assert.ThrowsAsync<ValidationException>(() => absent.HandleAsync(scope, new DateOnly(2026, 9, 9), new DateOnly(2026, 9, 10)));
        Assert.Contains("in the future", future.Message);
        var old = await Assert.ThrowsAsync<ValidationException>(() => absent.HandleAsync(scope, new DateOnly(2026, 10, 12), new DateOnly(2026, 9, 7)));
        Assert.Contains("more than 31 days ago", old.Message);
    }
}

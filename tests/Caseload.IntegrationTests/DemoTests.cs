using System.Text;
using Caseload.Core.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

public sealed class DemoTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task The_same_seed_gives_the_same_institution_on_both_databases()
    {
        await using var sqlite = await TestDatabase.CreateAsync("Sqlite");
        await using var postgres = await TestDatabase.CreateAsync("Postgres");
        var a = await DigestAsync(sqlite, seed: 11);
        var b = await DigestAsync(postgres, seed: 11);
        Assert.Equal(a, b);
        Assert.Contains("students 168", a); // 120 on roll and two years of 24 leavers (their destinations)
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_demo_is_believable(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var result = await db.RunAsync(s => s.GetRequiredService<GenerateDemo>().HandleAsync(new GenerateDemo.Request(Students: 400, Seed: 5, Today: Today)));
        await using var context = db.NewContext();
        var id = result.Institution.Id;
        Assert.True(result.Institution.IsDemo);

        // Every role is held by someone.
        var roles = await context.StaffRoles.Select(r => r.Role).Distinct().ToListAsync();
        Assert.Equal(Core.Domain.Roles.All.Order(), roles.Order());

        // Attendance: most students 90% or better, some persistent absentees, a few severe.
        var perStudent = await context.AttendanceWeeks.GroupBy(w => w.StudentId)
            .Select(g => new { Possible = g.Sum(w => w.Possible), Attended = g.Sum(w => w.Present + w.ApprovedActivity) }).ToListAsync();
        var rates = perStudent.Select(x => x.Attended / (double)x.Possible).ToList();
        Assert.Equal(400, rates.Count);
        Assert.InRange(rates.Count(r => r >= 0.90) / 400.0, 0.65, 0.90);
        Assert.InRange(rates.Count(r => r < 0.90), 30, 140);
        Assert.InRange(rates.Count(r => r < 0.50), 2, 30);
        // Every student missing half of school or more is high risk (40+) with the default weights (severe absence).
        var severe = await context.StudentSummaries.Where(s => s.YearPossible > 0 && (s.YearPresent + s.YearApproved) * 2 < s.YearPossible).Select(s => s.RiskScore).ToListAsync();
        Assert.NotEmpty(severe);
        Assert.All(severe, score => Assert.True(score >= 40, $"a student under 50% attendance scored {score}"));

        // Some students below target at the latest data point; every enrolment has a target.
        Assert.False(await context.Enrolments.AnyAsync(e => e.TargetGrade == null));
        Assert.Equal(3, await context.DataPoints.CountAsync(d => d.InstitutionId == id));
        Assert.True(await context.BehaviourEvents.CountAsync() > 400);
        Assert.True(await context.StudentContacts.CountAsync() >= 400);
    }

    [Fact]
    public async Task A_demo_made_as_of_a_later_day_than_the_clocks_holds_marks_up_to_that_day()
    {
        // The benchmarks make the demo as of 16 July 2027 (the end of a school year) whatever the day they run: the imports
        // take the demo's day as today, so its register marks are not refused as "after today".
        await using var db = await TestDatabase.CreateAsync("Sqlite");
        var day = new DateOnly(2027, 7, 16);
        Assert.True(day > DateOnly.FromDateTime(db.Clock.Now.UtcDateTime));
        await db.RunAsync(s => s.GetRequiredService<GenerateDemo>().HandleAsync(new GenerateDemo.Request(Students: 40, Seed: 3, Today: day, FullYear: true)));
        await using var context = db.NewContext();
        var last = await context.AttendanceMarks.MaxAsync(m => m.Date);
        Assert.InRange(last, day.AddDays(-7), day);
    }

    private static async Task<string> DigestAsync(TestDatabase db, int seed)
    {
        await db.RunAsync(s => s.GetRequiredService<GenerateDemo>().HandleAsync(new GenerateDemo.Request(Students: 120, Seed: seed, Today: Today)));
        await using var context = db.NewContext();
        var sb = new StringBuilder();
        sb.AppendLine($"students {await context.Students.CountAsync()}");
        foreach (var s in await context.Students.OrderBy(s => s.ExternalId).Select(s => new { s.ExternalId, s.FirstName, s.LastName, s.DateOfBirth, s.PriorAttainment, Group = s.TutorGroup!.Code }).ToListAsync())
        {
            sb.AppendLine($"{s.ExternalId} {s.FirstName} {s.LastName} {s.DateOfBirth:yyyy-MM-dd} {s.PriorAttainment:0.00} {s.Group}");
        }
        var marks = await context.AttendanceMarks.GroupBy(m => m.Code).Select(g => new { g.Key, Count = g.Count() }).OrderBy(x => x.Key).ToListAsync();
        sb.AppendLine(string.Join(" ", marks.Select(m => $"{m.Key}={m.Count}")));
        var weeks = await context.AttendanceWeeks.GroupBy(w => 1).Select(g => new { P = g.Sum(w => w.Possible), A = g.Sum(w => w.Present), U = g.Sum(w => w.UnauthorisedAbsence), L = g.Sum(w => w.MinutesLate) }).SingleAsync();
        sb.AppendLine($"weeks {weeks}");
        sb.AppendLine($"grades {string.Join(",", await context.AssessmentGrades.OrderBy(g => g.EnrolmentId).ThenBy(g => g.DataPointId).Select(g => g.Grade).ToListAsync())}");
        sb.AppendLine($"behaviour {await context.BehaviourEvents.SumAsync(e => e.Points)}");
        return sb.ToString();
    }
}

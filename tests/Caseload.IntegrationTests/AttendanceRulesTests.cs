using Caseload.Core.Data;
using Caseload.Core.Features.Demo;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

/// <summary>
/// The stored weekly summaries (SQL, maintained by imports) agree exactly with the attendance rules applied to the raw
/// marks (C#), for every student of a demo college, on both databases: the figures on pages are the rules' figures.
/// </summary>
public sealed class AttendanceRulesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Weekly_summaries_equal_the_rules_applied_to_the_marks(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var demo = await db.RunAsync(s => s.GetRequiredService<GenerateDemo>().HandleAsync(new GenerateDemo.Request(Students: 150, Seed: 11, Today: new DateOnly(2026, 11, 23))));
        await using var context = db.NewContext();
        var codes = await context.AttendanceCodes.AsNoTracking().Where(c => c.InstitutionId == demo.Institution.Id).ToDictionaryAsync(c => c.Code);
        var marks = (await context.AttendanceMarks.AsNoTracking().Select(m => new { m.StudentId, m.Code, m.MinutesLate }).ToListAsync())
            .ToLookup(m => m.StudentId);
        var weeks = (await context.AttendanceWeeks.AsNoTracking().ToListAsync()).ToLookup(w => w.StudentId);

        var students = marks.Select(g => g.Key).ToList();
        Assert.True(students.Count >= 150);
        foreach (var student in students)
        {
            var fromMarks = AttendanceFigures.OfMarks(marks[student].Select(m => (m.Code, m.MinutesLate)), codes);
            var fromWeeks = AttendanceFigures.Sum(weeks[student].Select(AttendanceFigures.Of));
            Assert.Equal(fromMarks, fromWeeks);
        }
        // The demo holds late-after-close marks, so that column is really exercised.
        Assert.Contains(students, s => AttendanceFigures.Sum(weeks[s].Select(AttendanceFigures.Of)).LatesAfterClose > 0);
    }
}

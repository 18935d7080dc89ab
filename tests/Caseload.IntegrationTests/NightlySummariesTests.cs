using Caseload.Core.Features.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

/// <summary>The nightly job brings every on-roll student's summary to the new day, once: a second run finds nothing to
/// do; a student who has left is not summarised.</summary>
public sealed class NightlySummariesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_nightly_job_brings_every_student_on_roll_to_the_new_day_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var left = await context.Students.SingleAsync(s => s.ExternalId == "S1005");
        (left.OnRoll, left.LeftOn) = (false, new DateOnly(2026, 11, 20));
        await context.SaveChangesAsync();
        var onRoll = await context.Students.CountAsync(s => s.InstitutionId == institution && s.OnRoll);

        // Tuesday 24 November, the night after the test clock's Monday.
        db.Clock.Now = new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
        var first = await db.RunAsync(s => s.GetRequiredService<BringSummariesUpToDate>().HandleAsync());
        Assert.Equal(onRoll, first.Students);
        var tuesday = new DateOnly(2026, 11, 24);
        Assert.Equal(onRoll, await context.StudentSummaries.CountAsync(s => s.InstitutionId == institution && s.AsOf == tuesday));
        Assert.False(await context.StudentSummaries.AnyAsync(s => s.StudentId == left.Id && s.AsOf == tuesday));

        var second = await db.RunAsync(s => s.GetRequiredService<BringSummariesUpToDate>().HandleAsync());
        Assert.Equal(0, second.Students);
    }
}

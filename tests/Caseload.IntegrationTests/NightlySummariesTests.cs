using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.Sessions;
using Caseload.Core.Features.Users;
using Caseload.Web.Background;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caseload.IntegrationTests;

/// <summary>The nightly job brings every on-roll student's summary to the new day, once: a second run finds nothing to
/// do; a student who has left is not summarised. A night whose summaries fail still tidies the sessions.</summary>
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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_night_whose_summaries_fail_still_tidies_the_sessions_and_says_which_step_failed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await db.RunAsync(s => s.GetRequiredService<ManageUsers>().AddAsync(institution, "T001", "a long enough passphrase"));
        await using var context = db.NewContext();
        var user = await context.Users.Where(u => u.Email == "grace.okafor@school.example").Select(u => u.Id).SingleAsync();
        var sessions = new UserSessions(context, db.Clock);
        var desk = await sessions.StartAsync(user, "desk");
        Assert.True(await sessions.EndAsync(user, desk, "signed out"));
        var open = await sessions.StartAsync(user, "laptop"); // left open: times out

        // 91 days on, the summaries cannot be brought up to date (their table is gone: a failed restore, a broken upgrade).
        db.Clock.Now = db.Clock.Now.AddDays(91);
        await context.Database.ExecuteSqlRawAsync("DROP TABLE student_summaries");
        var log = new Lines();
        var night = new NightlySummaries(db.Services.GetRequiredService<IServiceScopeFactory>(), db.Clock, new ConfigurationBuilder().Build(), log);

        Assert.Equal((false, true), await night.RunNightAsync(CancellationToken.None));
        // The signed-out session is 91 days old: deleted; the open one timed out and is kept (its 90 days start now).
        var left = await context.UserSessions.AsNoTracking().Where(s => s.UserId == user).Select(s => new { s.Id, s.EndedWhy }).ToListAsync();
        Assert.Equal(open, Assert.Single(left).Id);
        Assert.Equal("timed out", left[0].EndedWhy);
        Assert.Contains(log.Written, l => l.Level == LogLevel.Error && l.Text.StartsWith("Nightly summaries failed (", StringComparison.Ordinal));
        Assert.Contains(log.Written, l => l.Level == LogLevel.Information && l.Text.StartsWith("Nightly sessions: 1 timed out, 1 ended over 90 days ago deleted", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Written, l => l.Text.Contains("grace", StringComparison.OrdinalIgnoreCase)); // no personal data
    }

    private sealed class Lines : ILogger<NightlySummaries>
    {
        public List<(LogLevel Level, string Text)> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add((logLevel, formatter(state, exception)));
    }
}

using Caseload.Core.Features.Sessions;
using Caseload.Core.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Sessions;

/// <summary>
/// Sessions nobody signed out of (a closed browser, a laptop left at home) time out on the server as their cookie does:
/// 30 minutes idle or 10 hours after sign-in. They leave "Your sessions" and stop working then, the nightly tidy records
/// them as timed out, and ended sessions are deleted after 90 days.
/// </summary>
public sealed class UserSessionsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sessions_left_open_time_out_leave_the_list_and_are_ended_then_deleted_by_the_nightly_tidy(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await db.RunAsync(s => s.GetRequiredService<ManageUsers>().AddAsync(institution, "T001", "a long enough passphrase"));
        await using var context = db.NewContext();
        var user = await context.Users.Where(u => u.Email == "grace.okafor@school.example").Select(u => u.Id).SingleAsync();
        var sessions = new UserSessions(context, db.Clock);
        async Task<List<string?>> Listed(Guid current) => [.. (await sessions.ListAsync(user, current)).Select(l => l.Device)];
        var start = db.Clock.Now;

        // 08:30 the laptop signs in, 08:50 the phone: both live.
        var laptop = await sessions.StartAsync(user, "laptop");
        db.Clock.Now = start.AddMinutes(20);
        var phone = await sessions.StartAsync(user, "phone");
        Assert.Equal(["phone", "laptop"], await Listed(phone));

        // 09:15: the laptop has been idle 45 minutes (over 30, and the minute "last seen" may lag): gone; the phone goes on.
        db.Clock.Now = start.AddMinutes(45);
        Assert.False(await sessions.IsLiveAsync(user, laptop));
        Assert.True(await sessions.IsLiveAsync(user, phone));
        Assert.Equal(["phone"], await Listed(phone));

        // The phone is used every 20 minutes all day; 10 hours after it signed in (18:50) it ends however active it is.
        for (var minutes = 65; minutes <= 605; minutes += 20)
        {
            db.Clock.Now = start.AddMinutes(minutes);
            Assert.True(await sessions.IsLiveAsync(user, phone), $"{minutes} minutes");
        }
        db.Clock.Now = start.AddMinutes(20 + 600 + 1);
        Assert.False(await sessions.IsLiveAsync(user, phone));
        Assert.Empty(await Listed(phone));

        // The nightly tidy ends both as timed out; a session signed out of is left as it was ended; nothing deleted yet.
        var desk = await sessions.StartAsync(user, "desk");
        Assert.True(await sessions.EndAsync(user, desk, "signed out"));
        Assert.Equal((2, 0), await sessions.TidyAsync());
        await using (var check = db.NewContext())
        {
            var stored = await check.UserSessions.AsNoTracking().Where(s => s.UserId == user).OrderBy(s => s.SignedInAt).Select(s => new { s.Device, s.EndedWhy }).ToListAsync();
            Assert.Equal(["laptop: timed out", "phone: timed out", "desk: signed out"], stored.Select(s => $"{s.Device}: {s.EndedWhy}"));
        }

        // Kept 90 days after they ended, then deleted.
        var ended = db.Clock.Now;
        db.Clock.Now = ended.AddDays(89);
        Assert.Equal((0, 0), await sessions.TidyAsync());
        db.Clock.Now = ended.AddDays(90).AddMinutes(1);
        Assert.Equal((0, 3), await sessions.TidyAsync());
        Assert.Equal(0, await context.UserSessions.CountAsync(s => s.UserId == user));
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Sessions;

/// <summary>
/// Server-side sessions: started at sign-in, checked on every request, ended by signing out (this session or every
/// other one), and ended for the whole account by a password reset, a two-factor reset or disabling it. A session's
/// cookie is worthless the moment its session has ended.
/// </summary>
public sealed class UserSessions(CaseloadDbContext db, TimeProvider clock)
{
    /// <summary>How stale "last seen" may be before a request updates it (one write a minute at most, not one a request).</summary>
    public static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(1);

    /// <summary>A session ends after this long without a request (the sign-in cookie's sliding time-out).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>However active, a session ends this long after sign-in (a school day).</summary>
    public static readonly TimeSpan AbsoluteLimit = TimeSpan.FromHours(10);

    /// <summary>How long an ended session is kept (who signed in from where, and how it ended) before it is deleted.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(90);

    /// <summary>Whether a session not ended by anyone has timed out by <paramref name="now"/>: idle for longer than
    /// <see cref="IdleTimeout"/> (give or take <see cref="SeenEvery"/>, how often "last seen" is written) or older than
    /// <see cref="AbsoluteLimit"/>.</summary>
    private static bool TimedOut(UserSession s, DateTime now) => s.LastSeenAt < now - IdleTimeout - SeenEvery || s.SignedInAt < now - AbsoluteLimit;

    public sealed record Line(Guid Id, DateTime SignedInAt, DateTime LastSeenAt, string? Device, bool Current);

    public async Task<Guid> StartAsync(int userId, string? device, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var trimmed = string.IsNullOrWhiteSpace(device) ? null : new string([.. device.Where(c => !char.IsControl(c)).Take(UserSession.DeviceLength)]);
        var session = new UserSession { Id = Guid.NewGuid(), UserId = userId, SignedInAt = now, LastSeenAt = now, Device = trimmed };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>True while the session is live (and notes that it was seen); false once it has ended or never existed.</summary>
    public async Task<bool> IsLiveAsync(int userId, Guid sessionId, CancellationToken ct = default)
    {
        var session = await Session.For(db)(db, sessionId, userId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (session is null || session.EndedAt is not null || TimedOut(session, now))
        {
            return false;
        }
        if (now - session.LastSeenAt >= SeenEvery)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    // Asked on every request: compiled once (decision 0024).
    private static readonly Compiled<Func<CaseloadDbContext, Guid, int, CancellationToken, Task<UserSession?>>> Session = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, Guid sessionId, int userId, CancellationToken ct) =>
            db.UserSessions.FirstOrDefault(s => s.Id == sessionId && s.UserId == userId)));

    /// <summary>The account's live sessions (not ended, not timed out), newest first, marking the one asking.</summary>
    public async Task<IReadOnlyList<Line>> ListAsync(int userId, Guid current, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. (await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct))
            .Where(s => !TimedOut(s, now))
            .OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenAt)
            .Select(s => new Line(s.Id, s.SignedInAt, s.LastSeenAt, s.Device, s.Id == current))];
    }

    /// <summary>
    /// Nightly housekeeping: sessions that timed out without a sign-out (a closed browser) are ended as "timed out", and
    /// sessions ended more than <see cref="KeptFor"/> ago are deleted, so the table holds what a check of an account needs,
    /// not every sign-in since installation. Returns how many were ended and deleted.
    /// </summary>
    public async Task<(int Ended, int Deleted)> TidyAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (idleBefore, signedInBefore) = (now - IdleTimeout - SeenEvery, now - AbsoluteLimit);
        var ended = await EndWhereAsync(db.UserSessions.Where(s => s.LastSeenAt < idleBefore || s.SignedInAt < signedInBefore), "timed out", ct);
        var keptFrom = now - KeptFor;
        var deleted = await db.UserSessions.Where(s => s.EndedAt != null && s.EndedAt < keptFrom).ExecuteDeleteAsync(ct);
        return (ended, deleted);
    }

    /// <summary>Ends one session of the account; false when it is not theirs or has already ended.</summary>
    public async Task<bool> EndAsync(int userId, Guid sessionId, string why, CancellationToken ct = default) =>
        await EndWhereAsync(db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId), why, ct) > 0;

    /// <summary>Ends every session of the account, but <paramref name="except"/> (the one asking, for "sign out everywhere else").</summary>
    public Task<int> EndAllAsync(int userId, string why, Guid? except = null, CancellationToken ct = default) =>
        EndWhereAsync(db.UserSessions.Where(s => s.UserId == userId && s.Id != except), why, ct);

    private Task<int> EndWhereAsync(IQueryable<UserSession> sessions, string why, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return sessions.Where(s => s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedWhy, why), ct);
    }
}

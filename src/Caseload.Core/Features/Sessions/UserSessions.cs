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
        if (session is null || session.EndedAt is not null)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
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

    /// <summary>The account's live sessions, newest first, marking the one asking.</summary>
    public async Task<IReadOnlyList<Line>> ListAsync(int userId, Guid current, CancellationToken ct = default) =>
        [.. (await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct))
            .OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenAt)
            .Select(s => new Line(s.Id, s.SignedInAt, s.LastSeenAt, s.Device, s.Id == current))];

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

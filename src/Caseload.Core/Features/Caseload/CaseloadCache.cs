using Caseload.Core.Data;
using Caseload.Core.Features.Caseload;
using Microsoft.Extensions.Caching.Memory;

namespace Caseload.Core.Features.Caseload;

/// <summary>
/// The caseload, computed once per viewer, day and <see cref="DataVersion"/>, then served from memory until the data
/// changes: a tutor opening the page twenty times a day costs one computation, and any import, correction or edit
/// makes the next request compute afresh. The key holds the viewer's staff id and the scope's rule is re-derived
/// from the data (whose changes raise the version), so no one is ever served another person's caseload.
/// </summary>
public sealed class CaseloadCache(GetCaseload caseload, Features.Inbox.GetInbox inbox, Features.Behaviour.GetBehaviourLog behaviourLog, CaseloadDbContext db, CaseloadCache.Store store)
{
    /// <summary>How long an entry is kept at most: the limit on staleness after changes made outside Caseload.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The memory the cache lives in: one per process, bounded by the number of caseload rows it holds.</summary>
    public sealed class Store : IDisposable
    {
        internal MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = 200_000 });

        public void Dispose() => Memory.Dispose();
    }

    private sealed record Key(int StaffId, int? Tutor, DateOnly Today, long Version);

    private sealed record InboxKey(int StaffId, DateOnly Today, long Version);

    private sealed record BehaviourKey(int StaffId, DateOnly Today, long Version);

    /// <summary>Incidents waiting on the behaviour log, cached the same way (its count is in the navigation bar).</summary>
    public async Task<int> BehaviourWaitingAsync(Security.StudentScope scope, DateOnly today, CancellationToken ct = default)
    {
        var version = await DataVersion.ReadAsync(db, ct);
        var key = new BehaviourKey(scope.Viewer.StaffId, today, version);
        if (store.Memory.TryGetValue(key, out int cached))
        {
            return cached;
        }
        var count = await behaviourLog.CountWaitingAsync(scope, today, ct);
        store.Memory.Set(key, count, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return count;
    }

    /// <summary>My inbox, cached the same way (every page shows its count in the navigation bar).</summary>
    public async Task<Features.Inbox.GetInbox.Result> InboxAsync(Security.StudentScope scope, DateOnly today, CancellationToken ct = default)
    {
        var version = await DataVersion.ReadAsync(db, ct);
        var key = new InboxKey(scope.Viewer.StaffId, today, version);
        if (store.Memory.TryGetValue(key, out Features.Inbox.GetInbox.Result? cached) && cached is not null)
        {
            return cached;
        }
        var result = await inbox.HandleAsync(scope, today, ct);
        store.Memory.Set(key, result, new MemoryCacheEntryOptions { Size = Math.Max(1, result.Items.Count), AbsoluteExpirationRelativeToNow = Lifetime });
        return result;
    }

    public async Task<GetCaseload.Result> HandleAsync(GetCaseload.Request request, CancellationToken ct = default)
    {
        var version = await DataVersion.ReadAsync(db, ct);
        var key = new Key(request.Scope.Viewer.StaffId, request.TutorStaffId, request.Today, version);
        if (store.Memory.TryGetValue(key, out GetCaseload.Result? cached) && cached is not null)
        {
            return cached;
        }
        var result = await caseload.HandleAsync(request, ct);
        store.Memory.Set(key, result, new MemoryCacheEntryOptions { Size = Math.Max(1, result.Rows.Count), AbsoluteExpirationRelativeToNow = Lifetime });
        return result;
    }
}

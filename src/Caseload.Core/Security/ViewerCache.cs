using Caseload.Core.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Caseload.Core.Security;

/// <summary>
/// A member of staff's <see cref="Viewer"/> and <see cref="StudentScope"/>, built once per <see cref="DataVersion"/>
/// (and school day) instead of on every request: one query (the version) replaces the roles, cover and tutor-group reads
/// that every page begins with. Roles still apply at once: a change to roles, groups, cover or caseloads through any door
/// of Caseload (pages, API, CLI, the MIS import) raises the version, so the next request builds them afresh. A change made
/// with hand-written SQL applies within <see cref="Lifetime"/> (decision 0024).
/// </summary>
public sealed class ViewerCache(CaseloadDbContext db, ViewerCache.Store store)
{
    /// <summary>How long a viewer is kept when nothing raises the version.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public sealed class Store : IDisposable
    {
        internal MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = 20_000 });

        public void Dispose() => Memory.Dispose();
    }

    private sealed record Key(int StaffId, DateOnly? Today, long Version);

    private sealed record Entry(Viewer? Viewer, StudentScope? Scope);

    /// <summary>The active member of staff's viewer and scope for <paramref name="today"/>; nulls when they are not active.</summary>
    public async Task<(Viewer? Viewer, StudentScope? Scope)> ForAsync(int staffId, DateOnly? today, CancellationToken ct = default)
    {
        var key = new Key(staffId, today, await DataVersion.ReadAsync(db, ct));
        if (store.Memory.TryGetValue(key, out Entry? cached) && cached is not null)
        {
            return (cached.Viewer, cached.Scope);
        }
        var viewer = await Viewers.ForStaffAsync(db, staffId, ct);
        var scope = viewer is null ? null : await StudentScope.ForAsync(db, viewer, today, ct);
        store.Memory.Set(key, new Entry(viewer, scope), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return (viewer, scope);
    }
}

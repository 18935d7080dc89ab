using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Data;

/// <summary>
/// A number that goes up after every committed change to the data, through any door: EF Core saves (the audit
/// interceptor), imports and summary rebuilds. Views that are costly to compute (the caseload) are cached under it,
/// so a cached view is never older than the last change. Raised after the change commits, never before, so a view
/// computed meanwhile is cached under the old number and not reused. Changes made outside Caseload (hand-written SQL)
/// do not raise it: cached views then expire within <see cref="Features.Caseload.CaseloadCache.Lifetime"/>.
/// <para>
/// A data context remembers the version it read for <see cref="ReusedFor"/>, so the caches one request consults (the
/// viewer, the reference data, the inbox count in the navigation bar) agree on one version and read it once; a web
/// request has a context of its own, so a request that begins after a change always reads the new version. The context
/// forgets it when it raises the version itself (decision 0026).
/// </para>
/// </summary>
public static class DataVersion
{
    // Every institution's: a database normally holds one, and a change to shared tables (grade scales) affects all.
    private const string Raise = "UPDATE institutions SET data_version = data_version + 1";

    /// <summary>How long a data context reuses the version it read (a long-lived one — the CLI, a background job — reads again after this).</summary>
    public static readonly TimeSpan ReusedFor = TimeSpan.FromSeconds(1);

    private sealed record Seen(long Version, long AtMilliseconds);

    private static readonly ConditionalWeakTable<DbContext, Seen> Remembered = [];

    public static async Task RaiseAsync(DbContext db, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync(Raise, ct);
        Remembered.Remove(db);
    }

    public static void RaiseNow(DbContext db)
    {
        db.Database.ExecuteSqlRaw(Raise);
        Remembered.Remove(db);
    }

    /// <summary>
    /// The current version (every institution's is raised together, so the highest is the one to key by; it serves
    /// before the institution is known, as for the signed-in viewer).
    /// </summary>
    public static Task<long> ReadAsync(CaseloadDbContext db, CancellationToken ct = default) => ReadAsync(db, ReusedFor, ct);

    internal static async Task<long> ReadAsync(CaseloadDbContext db, TimeSpan reusedFor, CancellationToken ct)
    {
        var now = Environment.TickCount64;
        if (Remembered.TryGetValue(db, out var seen) && now - seen.AtMilliseconds < (long)reusedFor.TotalMilliseconds)
        {
            return seen.Version;
        }
        var version = await Latest.For(db)(db, ct);
        Remembered.AddOrUpdate(db, new Seen(version, now));
        return version;
    }

    private static readonly Compiled<Func<CaseloadDbContext, CancellationToken, Task<long>>> Latest = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, CancellationToken ct) => db.Institutions.OrderByDescending(i => i.DataVersion).Select(i => i.DataVersion).FirstOrDefault()));
}

using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Data;

/// <summary>
/// A number that goes up after every committed change to the data, through any door: EF Core saves (the audit
/// interceptor), imports and summary rebuilds. Views that are costly to compute (the caseload) are cached under it,
/// so a cached view is never older than the last change. Raised after the change commits, never before, so a view
/// computed meanwhile is cached under the old number and not reused. Changes made outside Caseload (hand-written SQL)
/// do not raise it: cached views then expire within <see cref="Features.Caseload.CaseloadCache.Lifetime"/>.
/// </summary>
public static class DataVersion
{
    // Every institution's: a database normally holds one, and a change to shared tables (grade scales) affects all.
    private const string Raise = "UPDATE institutions SET data_version = data_version + 1";

    public static Task RaiseAsync(DbContext db, CancellationToken ct = default) => db.Database.ExecuteSqlRawAsync(Raise, ct);

    public static void RaiseNow(DbContext db) => db.Database.ExecuteSqlRaw(Raise);

    public static Task<long> ReadAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default) =>
        Version.For(db)(db, institutionId, ct);

    /// <summary>The version when the institution is not known yet (every institution's is raised together).</summary>
    public static Task<long> ReadAnyAsync(CaseloadDbContext db, CancellationToken ct = default) => AnyVersion.For(db)(db, ct);

    private static readonly Compiled<Func<CaseloadDbContext, int, CancellationToken, Task<long>>> Version = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, int institutionId, CancellationToken ct) =>
            db.Institutions.Where(i => i.Id == institutionId).Select(i => i.DataVersion).Single()));

    private static readonly Compiled<Func<CaseloadDbContext, CancellationToken, Task<long>>> AnyVersion = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, CancellationToken ct) => db.Institutions.OrderByDescending(i => i.DataVersion).Select(i => i.DataVersion).FirstOrDefault()));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Caseload.Core.Data;

/// <summary>
/// Read-only data contexts for reads that run beside a request's own context (a student's page reads its independent
/// sections at once), taken from a pool: a new context builds some forty internal services before its first query,
/// which costs a page more than the small reads it makes. Nothing read through them is tracked, and they cannot save:
/// every change goes through a request's own context, which audits it.
/// </summary>
public sealed class ReadContexts
{
    private readonly PooledDbContextFactory<CaseloadDbContext> _pool;

    public ReadContexts(DatabaseSelection database)
        : this(Build(b => database.Provider.Configure(b, database.ConnectionString)))
    {
    }

    private ReadContexts(DbContextOptions<CaseloadDbContext> options) => _pool = new PooledDbContextFactory<CaseloadDbContext>(options, PoolSize);

    /// <summary>Contexts kept for reuse (more may be in use at once; those beyond it are disposed when returned).</summary>
    public const int PoolSize = 64;

    /// <summary>A read-only context; disposing it returns it to the pool.</summary>
    public CaseloadDbContext Rent() => _pool.CreateDbContext();

    private static DbContextOptions<CaseloadDbContext> Build(Action<DbContextOptionsBuilder<CaseloadDbContext>> configure)
    {
        var builder = new DbContextOptionsBuilder<CaseloadDbContext>();
        configure(builder);
        return builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(ReadOnly.Instance).Options;
    }

    /// <summary>Refuses to save: a change made through a read context would escape the audit trail.</summary>
    private sealed class ReadOnly : SaveChangesInterceptor
    {
        public static readonly ReadOnly Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException("A read context cannot save changes; make them through the request's own context.");

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A read context cannot save changes; make them through the request's own context.");
    }
}

using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Data;

/// <summary>
/// What a database provider project contributes: how to configure EF Core for it (including its migrations
/// assembly), its bulk attendance path, and what to do before the first connection.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The value of <c>Database:Provider</c> that selects it, e.g. "Sqlite" or "Postgres".</summary>
    string Name { get; }

    string DefaultConnectionString { get; }

    void Configure(DbContextOptionsBuilder builder, string connectionString);

    IAttendanceStore AttendanceStore { get; }

    /// <summary>Makes the database reachable (for SQLite: creates the folder the file lives in).</summary>
    void Prepare(string connectionString);
}

/// <summary>The database a host should use, chosen by configuration.</summary>
public sealed record DatabaseSelection(IDatabaseProvider Provider, string ConnectionString)
{
    public DbContextOptions<CaseloadDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<CaseloadDbContext>();
        Provider.Configure(builder, ConnectionString);
        return builder.Options;
    }

    public CaseloadDbContext CreateContext() => new(Options());
}

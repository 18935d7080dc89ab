using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Caseload.Data.Postgres;

/// <summary>Production and multi-institution deployments: chosen with <c>Database:Provider=Postgres</c>.</summary>
public sealed class PostgresProvider : IDatabaseProvider
{
    public string Name => "Postgres";

    public string DefaultConnectionString => "Host=localhost;Database=caseload;Username=caseload";

    public IAttendanceStore AttendanceStore { get; } = new PostgresAttendanceStore();

    // Configure runs for every request's context: the connection string is rewritten once, not parsed on each.
    private sealed record Rewrite(string Given, string Used);

    private Rewrite? _rewritten;

    public void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(Rewritten(connectionString), o => o.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();

    private string Rewritten(string connectionString)
    {
        if (_rewritten is { } known && string.Equals(known.Given, connectionString, StringComparison.Ordinal))
        {
            return known.Used;
        }
        var used = WithAutoPrepare(connectionString);
        _rewritten = new Rewrite(connectionString, used);
        return used;
    }

    /// <summary>
    /// Two pool settings for a web app that makes many small reads, each an administrator's own setting overrides (keys as
    /// written: "Max Auto Prepare", "maxautoprepare", …, even 0 or false):
    /// statements the app runs again and again (a page is a fixed set of queries) are prepared on each pooled connection
    /// after their second use, so the server parses and plans them once rather than on every page view; and a connection
    /// going back to the pool is not reset (Npgsql's reset is seven statements run on the next use, and a student's page
    /// takes a pooled connection about ten times). Caseload leaves no session state behind for a reset to clear: its
    /// settings are <c>SET LOCAL</c>, its temporary tables are dropped on commit and the migration lock is released.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!given.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>How many statements each connection keeps prepared (least recently used are replaced).</summary>
    public const int AutoPreparedStatements = 200;

    public void Prepare(string connectionString)
    {
    }
}

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

    public void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Statements the app runs again and again (a page is a fixed set of queries) are prepared on each pooled
    /// connection after their second use, so the server parses and plans them once rather than on every page view —
    /// unless the connection string says otherwise (<c>Max Auto Prepare=0</c> turns it off).
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Keys as written ("Max Auto Prepare", "maxautoprepare", …): an administrator's own setting wins, even 0.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal));
        if (!given.Contains("maxautoprepare", StringComparer.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    /// <summary>How many statements each connection keeps prepared (least recently used are replaced).</summary>
    public const int AutoPreparedStatements = 200;

    public void Prepare(string connectionString)
    {
    }
}

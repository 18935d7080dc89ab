using System.Data.Common;
using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Caseload.Data.Sqlite;

/// <summary>The embedded default: a single file, <c>./data/caseload.db</c> relative to the current directory, in WAL mode.</summary>
public sealed class SqliteProvider : IDatabaseProvider
{
    public const string DefaultPath = "data/caseload.db";

    public string Name => "Sqlite";

    public string DefaultConnectionString => $"Data Source={DefaultPath}";

    public IAttendanceStore AttendanceStore { get; } = new SqliteAttendanceStore();

    public void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(Pragmas.Instance);

    public void Prepare(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (source != ":memory:" && !string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>
    /// WAL lets the web app read while the CLI imports; NORMAL sync is safe in WAL; the busy timeout makes a
    /// writer wait for another instead of failing at once.
    /// </summary>
    private sealed class Pragmas : DbConnectionInterceptor
    {
        public static readonly Pragmas Instance = new();

        private const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=15000; " +
            "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

using Caseload.Core.Data;
using Caseload.Core.Hosting;
using Caseload.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests;

/// <summary>
/// A process killed while it held EF's SQLite migration lock (tests/kill-import.sh found one: a CLI command killed in its
/// first second) must not leave every later start waiting for ever.
/// </summary>
public sealed class MigrationLockTests
{
    private const string LockTable = "CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL)";

    [Fact]
    public async Task A_migration_lock_left_by_a_killed_process_does_not_stop_the_next_start()
    {
        var path = Path.Combine(Path.GetTempPath(), $"caseload-lock-{Guid.NewGuid():N}.db");
        try
        {
            var selection = new DatabaseSelection(new SqliteProvider(), $"Data Source={path};Pooling=False");
            await using (var context = selection.CreateContext())
            {
                // A new database whose first migration was killed: the lock row is there, ten minutes old.
                await context.Database.ExecuteSqlRawAsync(LockTable);
                var stale = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-dd HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
                await context.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" VALUES (1, {0})", stale);
            }
            await using (var context = selection.CreateContext())
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // before the fix: waited for ever
                await CaseloadServices.MigrateAsync(context, limit.Token);
                Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            }
            await using (var context = selection.CreateContext())
            {
                // Killed a moment ago while nothing was pending (any command's first second): the next start takes no lock.
                await context.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" VALUES (1, {0})",
                    DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await CaseloadServices.MigrateAsync(context, limit.Token);
            }
        }
        finally
        {
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}

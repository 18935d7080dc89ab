using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Hosting;
using Caseload.Data.Postgres;
using Caseload.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Caseload.IntegrationTests;

/// <summary>
/// A fresh, migrated database of either provider for one test: a temporary SQLite file, or a new database on the
/// PostgreSQL server named by CASELOAD_TEST_POSTGRES (./test.sh starts one). Never the in-memory provider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CASELOAD_TEST_POSTGRES";

    public static readonly TheoryData<string> Providers = new() { "Sqlite", "Postgres" };

    private readonly Action _drop;

    private TestDatabase(DatabaseSelection selection, Action drop)
    {
        Selection = selection;
        _drop = drop;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddCaseloadCore(selection);
        Services = services.BuildServiceProvider();
    }

    public DatabaseSelection Selection { get; }
    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    public ServiceProvider Services { get; }
    public string ConnectionString => Selection.ConnectionString;

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        TestDatabase db;
        if (provider == "Sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"caseload-test-{Guid.NewGuid():N}.db");
            db = new TestDatabase(new DatabaseSelection(new SqliteProvider(), $"Data Source={path};Pooling=False"), () =>
            {
                foreach (var f in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(f);
                }
            });
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL server.");
            var name = $"caseload_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            db = new TestDatabase(new DatabaseSelection(new PostgresProvider(), cs), () =>
            {
                NpgsqlConnection.ClearAllPools();
                using var connection = new NpgsqlConnection(admin);
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            });
        }
        await using var context = db.NewContext();
        await CaseloadServices.MigrateAsync(context);
        return db;
    }

    public CaseloadDbContext NewContext() => Selection.CreateContext();

    /// <summary>A use case working on <paramref name="context"/> (one the test holds) as <paramref name="actor"/>, on this
    /// database's fixed clock; with <paramref name="notifier"/> when the test watches what is sent.</summary>
    public T UseCase<T>(CaseloadDbContext context, string actor = "", Core.Features.Notifications.Notifier? notifier = null) where T : notnull
    {
        var services = new ServiceCollection()
            .AddSingleton(context)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(new Core.Data.AuditActor { Name = actor })
            .AddCaseworkUseCases();
        services.AddScoped<Core.Features.Inbox.GetInbox>();
        services.AddSingleton(new Core.Features.Institutions.ReferenceData.Store());
        services.AddScoped<Core.Features.Institutions.ReferenceData>();
        if (notifier is not null)
        {
            services.AddSingleton(notifier);
        }
        return services.BuildServiceProvider().GetRequiredService<T>();
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<int> CreateInstitutionAsync(string code = "RSFC") => RunAsync(async s =>
        (await s.GetRequiredService<CreateInstitution>().HandleAsync(new CreateInstitution.Request(code, "Test College", Core.Domain.InstitutionKind.SixthFormCollege))).Id);

    /// <summary>Row counts of every table: equal before and after means nothing was written.</summary>
    public async Task<Dictionary<string, long>> CountsAsync()
    {
        await using var context = NewContext();
        var counts = new Dictionary<string, long>();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in context.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _drop();
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

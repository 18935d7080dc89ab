using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_model_has_no_changes_missing_from_the_migrations(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.NewContext();
        Assert.False(context.Database.HasPendingModelChanges(),
            $"The model differs from the {provider} migrations: run scripts/add-migration.sh <Name>.");
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Both_providers_have_the_same_migrations(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.NewContext();
        var names = context.Database.GetMigrations().Select(m => m[15..]).ToList(); // strip the timestamp
        await using var other = await TestDatabase.CreateAsync(provider == "Sqlite" ? "Postgres" : "Sqlite");
        await using var otherContext = other.NewContext();
        Assert.Equal(names, otherContext.Database.GetMigrations().Select(m => m[15..]).ToList());
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode()
    {
        await using var db = await TestDatabase.CreateAsync("Sqlite");
        await using var context = db.NewContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}

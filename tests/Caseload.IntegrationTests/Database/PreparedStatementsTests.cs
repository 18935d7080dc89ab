using Caseload.Core.Data;
using Caseload.Data.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Database;

/// <summary>On PostgreSQL the statements a page repeats are prepared on the connection (decision 0023), unless the
/// administrator's connection string says otherwise.</summary>
public sealed class PreparedStatementsTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData(";Max Auto Prepare=0", false)]
    [InlineData(";maxautoprepare=0", false)]
    public async Task Repeated_statements_are_prepared_unless_the_connection_string_turns_it_off(string setting, bool prepared)
    {
        await using var db = await TestDatabase.CreateAsync("Postgres");
        await using var context = new DatabaseSelection(new PostgresProvider(), db.ConnectionString + setting).CreateContext();
        await context.Database.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
        {
            await context.Institutions.CountAsync(x => x.Code != "none");
        }
        var count = await context.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM pg_prepared_statements").SingleAsync();
        Assert.Equal(prepared, count > 0);
    }

    /// <summary>A pooled connection is not reset when it goes back to the pool (a page takes one about ten times), unless
    /// the connection string asks for it; a setting made on it is how the reset shows.</summary>
    [Theory]
    [InlineData("", "kept")]
    [InlineData(";No Reset On Close=false", "")]
    [InlineData(";noresetonclose=false", "")]
    public async Task Pooled_connections_are_not_reset_unless_the_connection_string_asks(string setting, string seen)
    {
        await using var db = await TestDatabase.CreateAsync("Postgres");
        // A pool of its own, so the connection taken back is the one just returned.
        var connection = db.ConnectionString + ";Application Name=reset-test-" + Guid.NewGuid().ToString("N")[..8] + setting;
        await using (var first = new DatabaseSelection(new PostgresProvider(), connection).CreateContext())
        {
            await first.Database.OpenConnectionAsync();
            await first.Database.ExecuteSqlRawAsync("SET caseload.probe = 'kept'");
            await first.Database.CloseConnectionAsync();
        }
        await using var second = new DatabaseSelection(new PostgresProvider(), connection).CreateContext();
        var value = await second.Database.SqlQuery<string>($"SELECT current_setting('caseload.probe', true) AS \"Value\"").SingleAsync();
        Assert.Equal(seen, value ?? "");
    }
}

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
}

using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Features.Demo;
using Caseload.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web;

/// <summary>On start: apply migrations; on an empty SQLite database, load the demo unless told not to.</summary>
internal static class FirstRun
{
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
        await CaseloadServices.MigrateAsync(db);
        // The demo loads by default only into the embedded database: a production PostgreSQL starts empty.
        var isSqlite = scope.ServiceProvider.GetRequiredService<DatabaseSelection>().Provider.Name == "Sqlite";
        if (await db.Institutions.AnyAsync() || !configuration.GetValue("Demo:LoadOnFirstRun", isSqlite))
        {
            return;
        }
        logger.LogInformation("First run: loading the demo institution (set Demo:LoadOnFirstRun=false to start empty)");
        var result = await scope.ServiceProvider.GetRequiredService<GenerateDemo>().HandleAsync(new GenerateDemo.Request(
            Students: configuration.GetValue("Demo:Students", 1200),
            Seed: configuration.GetValue("Demo:Seed", 2026)));
        logger.LogInformation("Demo institution {Code} loaded", result.Institution.Code);
    }
}

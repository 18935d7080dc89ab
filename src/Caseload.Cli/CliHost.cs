using System.CommandLine;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Hosting;
using Caseload.Core.Shared;
using Caseload.Data.Postgres;
using Caseload.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Cli;

/// <summary>Builds the core's services for one command, on the database chosen by options, environment or appsettings.json.</summary>
internal static class CliHost
{
    public static ServiceProvider Build(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(CaseloadCommand.Provider) is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }
        if (parse.GetValue(CaseloadCommand.Connection) is { } connection)
        {
            overrides["Database:ConnectionString"] = connection;
        }
        if (parse.GetValue(CaseloadCommand.ClockToday) is { } today)
        {
            overrides["Clock:Today"] = today;
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        DatabaseSelection database;
        TimeProvider clock;
        try
        {
            database = CaseloadServices.SelectDatabase(configuration, new SqliteProvider(), new PostgresProvider());
            clock = SchoolClock.FromConfiguration(configuration);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(e.Message, 2);
        }
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddCaseloadCore(database);
        return services.BuildServiceProvider();
    }

    /// <summary>Migrates the database and returns a scope for one command.</summary>
    public static async Task<AsyncServiceScope> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var provider = Build(parse);
        var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = Actor(null);
        await CaseloadServices.MigrateAsync(scope.ServiceProvider.GetRequiredService<CaseloadDbContext>(), ct);
        return scope;
    }

    /// <summary>The institution a command acts on: the one named, or the only one.</summary>
    public static async Task<Core.Domain.Institution> InstitutionAsync(CaseloadDbContext db, string? code, CancellationToken ct)
    {
        var all = await db.Institutions.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        if (code is not null)
        {
            return all.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException($"no institution has code '{code}'; expected one of: {string.Join(", ", all.Select(i => i.Code))}");
        }
        return all.Count switch
        {
            1 => all[0],
            0 => throw new CliException("there is no institution yet; create one with 'caseload institution add --code CODE --name NAME' or load the demo with 'caseload demo'"),
            _ => throw new CliException($"there are {all.Count} institutions; say which with --institution (one of: {string.Join(", ", all.Select(i => i.Code))})"),
        };
    }

    public static string Actor(string? given) => given ?? $"cli:{Environment.UserName}";
}

// Adds a migration to both providers' migration projects: the one way the schema changes.
//   dotnet run --project tools/Caseload.Migrations -- add <Name>
// (The dotnet-ef tool for EF Core 10 is not served by this project's package source; this does the same job.)
using Caseload.Core.Data;
using Caseload.Data.Postgres;
using Caseload.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args is not ["add", var name])
{
    Console.Error.WriteLine("usage: dotnet run --project tools/Caseload.Migrations -- add <MigrationName>");
    return 2;
}

var root = FindRoot();
IDatabaseProvider[] providers = [new SqliteProvider(), new PostgresProvider()];
foreach (var provider in providers)
{
    var builder = new DbContextOptionsBuilder<CaseloadDbContext>();
    provider.Configure(builder, provider is SqliteProvider ? "Data Source=:memory:" : "Host=localhost;Database=design");
    using var context = new CaseloadDbContext(builder.Options);
    var assembly = provider.GetType().Assembly;
    var reporter = new OperationReporter(new OperationReportHandler(
        e => Console.Error.WriteLine(e), w => Console.Error.WriteLine(w), i => Console.WriteLine(i), v => { }));
    var services = new DesignTimeServicesBuilder(assembly, typeof(Program).Assembly, reporter, []).Build(context);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var project = assembly.GetName().Name!;
    var migration = scaffolder.ScaffoldMigration(name, project, "Migrations", "C#");
    var files = scaffolder.Save(Path.Combine(root, "src", project), migration, Path.Combine(root, "src", project, "Migrations"));
    Console.WriteLine($"{provider.Name}: {Path.GetRelativePath(root, files.MigrationFile!)}");
}
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Caseload.slnx")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Run from inside the repository (Caseload.slnx not found).");
}

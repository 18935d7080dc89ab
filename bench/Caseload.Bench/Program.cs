// Timed console benchmarks (BenchmarkDotNet's many iterations don't suit a million-row import).
//   dotnet run -c Release --project bench/Caseload.Bench -- import [--marks N] [--postgres CONNECTION] [--only Sqlite|Postgres]
//   dotnet run -c Release --project bench/Caseload.Bench -- analytics --provider Sqlite|Postgres --connection CS --today yyyy-mm-dd
//   dotnet run -c Release --project bench/Caseload.Bench -- casework --provider Sqlite|Postgres --connection CS --today yyyy-mm-dd [--calls N]
// bench/import-bench.sh starts a throwaway PostgreSQL and runs it on both databases.
using Caseload.Bench;

var marks = 1_000_000;
string? postgres = null;
string? only = null;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--marks":
            marks = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--postgres":
            postgres = args[++i];
            break;
        case "--only":
            only = args[++i];
            break;
    }
}
if (args is ["analytics", "--provider", var provider, "--connection", var connection, "--today", var today, .. var rest])
{
    await AnalyticsBenchmark.RunAsync(provider, connection, DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rest.Contains("--quick"));
    return 0;
}
if (args is ["casework", "--provider", var cwProvider, "--connection", var cwConnection, "--today", var cwToday, .. var cwRest])
{
    var calls = cwRest is ["--calls", var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 200;
    await CaseworkBenchmark.RunAsync(cwProvider, cwConnection, DateOnly.ParseExact(cwToday, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), calls);
    return 0;
}
if (args is not ["import", ..])
{
    Console.Error.WriteLine("usage: Caseload.Bench import [--marks N] [--postgres CONNECTION]");
    return 2;
}
await ImportBenchmark.RunAsync(marks, postgres, only);
return 0;

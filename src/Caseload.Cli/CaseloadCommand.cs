using System.CommandLine;
using Caseload.Cli.Commands;

namespace Caseload.Cli;

/// <summary>The <c>caseload</c> command: a thin door onto the core's use cases.</summary>
public static class CaseloadCommand
{
    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "Database provider: Sqlite (default) or Postgres. Also Database__Provider.",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Connection string. Also Database__ConnectionString. Default: ./data/caseload.db (SQLite).",
        Recursive = true,
    };

    public static readonly Option<string?> ClockToday = new("--clock-today")
    {
        Description = "For demos, benchmarks and tests only: act as if today were this date (yyyy-MM-dd). Also Clock__Today.",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Caseload: progress and welfare for tutors, senior tutors and progress leaders.");
        root.Options.Add(Provider);
        root.Options.Add(Connection);
        root.Options.Add(ClockToday);
        root.Subcommands.Add(DbCommands.Create(output));
        root.Subcommands.Add(InstitutionCommands.Create(output));
        root.Subcommands.Add(ImportCommand.Create(output, error));
        root.Subcommands.Add(ImportCommand.Calendar(output, error));
        root.Subcommands.Add(DemoCommand.Create(output));
        root.Subcommands.Add(UsersCommands.Create(output));
        root.Subcommands.Add(AnalyticsCommands.Risk(output, error));
        root.Subcommands.Add(AnalyticsCommands.Targets(output, error));
        root.Subcommands.Add(AnalyticsCommands.DataPoints(output));
        root.Subcommands.Add(AnalyticsCommands.Scales(output));
        root.Subcommands.Add(StagesCommand.Create(output));
        root.Subcommands.Add(InboxCommand.Create(output));
        root.Subcommands.Add(CasesCommand.Create(output));
        root.Subcommands.Add(ReferralsCommand.Create(output));
        root.Subcommands.Add(RetentionCommand.Create(output));
        root.Subcommands.Add(CourseChangesCommand.Create(output));
        root.Subcommands.Add(CourseChangesCommand.Export(output));
        // Our own handler below prints refusals as one line; anything else is a bug and keeps its stack trace.
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(config);
        }
        catch (Exception e) when (Refusal(e) is { } exit)
        {
            // The core's refusals, answered once for every command: one line saying what was wrong, never a stack trace.
            await error.WriteLineAsync($"caseload: {e.Message}");
            return exit;
        }
    }

    /// <summary>The exit code of a refusal: 1 for bad input or a lost race, 2 for a wrong argument or something not found; null for a bug.</summary>
    private static int? Refusal(Exception e) => e switch
    {
        CliException c => c.ExitCode,
        Core.ValidationException or Core.Shared.ConcurrencyException => 1,
        Core.NotFoundException => 2,
        _ => null,
    };
}

/// <summary>A refusal the person at the terminal can act on: printed as one line, never as a stack trace.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

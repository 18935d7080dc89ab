using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Caseload.Core;
using Caseload.Core.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload demo</c>: a realistic sixth-form college, the same for the same seed and date.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output)
    {
        var students = new Option<int>("--students") { Description = "How many students (years 12 and 13).", DefaultValueFactory = _ => 1200 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and date give the same data.", DefaultValueFactory = _ => 2026 };
        var code = new Option<string>("--code") { Description = "Institution code.", DefaultValueFactory = _ => GenerateDemo.DefaultCode };
        var today = new Option<string?>("--today") { Description = "Generate as if today were this date (yyyy-MM-dd)." };
        var fullYear = new Option<bool>("--full-year") { Description = "Lesson marks for the whole academic year to date (about 570 a student), not just the autumn term: for benchmarks." };
        var outcomes = new Option<FileInfo?>("--outcomes") { Description = "Also write invented end-of-year outcomes to this CSV file, for 'caseload risk evaluate'." };
        var command = new Command("demo", "Create a demo institution with realistic, invented students, staff, marks, grades and behaviour.")
            { students, seed, code, today, fullYear, outcomes };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly? date = null;
            if (parse.GetValue(today) is { } text)
            {
                date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new CliException($"--today '{text}' is not a date; expected yyyy-MM-dd", 2);
            }
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var watch = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<GenerateDemo>().HandleAsync(
                new GenerateDemo.Request(parse.GetValue(students), parse.GetValue(seed), parse.GetValue(code)!, Today: date, FullYear: parse.GetValue(fullYear)),
                new Progress<string>(stage => output.WriteLine($"demo: {stage}")), ct);
            await output.WriteLineAsync($"created {result.Institution.Code} ({result.Institution.Name}): " +
                string.Join(", ", result.Imports.Select(x => $"{x.Value.Counts.Inserted:N0} {x.Key}")) +
                $"; marks {result.TermStart:d MMM yyyy} to {result.TermEnd:d MMM yyyy}; {watch.Elapsed.TotalSeconds:0.0}s");
            if (parse.GetValue(outcomes) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, result.Outcomes, ct);
                await output.WriteLineAsync($"wrote invented outcomes to {file}");
            }
        });
        return command;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.DataDrops;
using Caseload.Core.Features.Imports;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Features.Targets;
using Caseload.Core.Rules;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload risk|targets|datapoints|scales</c>: the early warning, target grades, data drops and grade scales.</summary>
internal static class AnalyticsCommands
{
    private static Option<string?> InstitutionOption() => new("--institution") { Description = "Institution code (needed when the database holds several)." };

    private static string P(decimal? d, string format = "0.0") => d?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    public static Command Risk(TextWriter output, TextWriter error)
    {
        var group = new Command("risk", "The early-warning score: recompute it, change its weights, check it against outcomes.");

        var institution = InstitutionOption();
        var recompute = new Command("recompute", "Recompute every student's summary and risk score from scratch (also done automatically when data changes and once a day).") { institution };
        recompute.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            var watch = Stopwatch.StartNew();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var count = await StudentSummaries.RecomputeAsync(db, target.Id, null, clock.Today(), clock.GetUtcNow().UtcDateTime, ct);
            await DataVersion.RaiseAsync(db, ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{target.Code}: {count:N0} students' summaries and risk scores recomputed in {watch.Elapsed.TotalSeconds:0.00}s"));
        });
        group.Subcommands.Add(recompute);

        var weightsInstitution = InstitutionOption();
        var set = new Option<string?>("--set") { Description = $"factor=weight pairs, e.g. \"attendance=40,flags=0\" (factors: {string.Join(", ", RiskWeights.Names)})." };
        var weights = new Command("weights", "Show the early-warning weights, or change some with --set (every score is then recomputed).") { weightsInstitution, set };
        weights.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(weightsInstitution), ct);
            var current = await SetRiskWeights.ReadAsync(db, target.Id, ct);
            if (parse.GetValue(set) is { } changes)
            {
                current = await scope.ServiceProvider.GetRequiredService<SetRiskWeights>().HandleAsync(target.Id, changes, ct);
            }
            foreach (var name in RiskWeights.Names)
            {
                await output.WriteLineAsync($"{name,-18}{current[name],4}");
            }
        });
        group.Subcommands.Add(weights);

        var evaluateInstitution = InstitutionOption();
        var outcomes = new Option<FileInfo>("--outcomes") { Description = "CSV with columns student_id, outcome (withdrawn, failed or completed).", Required = true };
        var evaluate = new Command("evaluate", "How well the current scores pick out students who withdrew or failed: ROC AUC, precision and recall in the top 10% and 20%, calibration.") { evaluateInstitution, outcomes };
        evaluate.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(outcomes)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName}: no such file", 2);
            }
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(evaluateInstitution), ct);
            await using var stream = path.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<EvaluateRisk>().HandleAsync(target.Id, path.ToString(), stream, ct);
            if (result.Evaluation is not { } e)
            {
                foreach (var problem in result.Problems)
                {
                    await error.WriteLineAsync(problem.ToString());
                }
                await error.WriteLineAsync($"{path}: refused: {result.Problems.Count} problem(s); nothing was evaluated");
                return 1;
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{e.Students:N0} students with an outcome, {e.Positives:N0} withdrawn or failed ({P(e.Students == 0 ? null : 100m * e.Positives / e.Students)}%)"));
            await output.WriteLineAsync($"ROC AUC: {P(e.Auc, "0.000")} (0.5 is chance, 1 is perfect)");
            foreach (var t in e.Top)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"top {t.Percent}% by score ({t.Students:N0} students): {t.Positives:N0} withdrew or failed; precision {P(100 * t.Precision)}%, recall {P(100 * t.Recall)}%"));
            }
            await output.WriteLineAsync("calibration (share withdrawn or failed by score band):");
            await output.WriteLineAsync("score    students  withdrawn/failed  share");
            foreach (var b in e.Calibration)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{b.From,3}–{b.To,-4}{b.Students,9:N0}{b.Positives,18:N0}  {(b.Rate is null ? "–" : P(100 * b.Rate) + "%"),6}"));
            }
            return 0;
        });
        group.Subcommands.Add(evaluate);
        return group;
    }

    public static Command Targets(TextWriter output, TextWriter error)
    {
        var group = new Command("targets", "Minimum expected grades from prior attainment through the target table.");
        var institution = InstitutionOption();
        var file = new Argument<FileInfo>("file") { Description = "CSV with columns grade_scale, from, to, grade (see docs/import-formats.md)." };
        var import = new Command("import", "Replace the target table's bands for the scales in the file; refused whole on gaps, overlaps or grades off the scale.") { file, institution };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName}: no such file", 2);
            }
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            await using var stream = path.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<TargetTables>().ImportAsync(target.Id, path.ToString(), stream, ct);
            if (result.Problems.Count > 0)
            {
                foreach (var problem in result.Problems)
                {
                    await error.WriteLineAsync(problem.ToString());
                }
                await error.WriteLineAsync($"{path}: refused: {result.Problems.Count} problem(s); the target table is unchanged");
                return 1;
            }
            await output.WriteLineAsync($"{path}: {result.Bands} bands for {string.Join(", ", result.Scales)}; run 'caseload targets apply' to set minimum expected grades from them");
            return 0;
        });
        group.Subcommands.Add(import);

        var applyInstitution = InstitutionOption();
        var apply = new Command("apply", "Set every enrolment's minimum expected grade from the table and the student's prior attainment (changes are kept in the history).") { applyInstitution };
        apply.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(applyInstitution), ct);
            var r = await scope.ServiceProvider.GetRequiredService<TargetTables>().ApplyAsync(target.Id, CliHost.Actor(null), ct);
            await output.WriteLineAsync($"{r.Changed:N0} targets changed, {r.Unchanged:N0} unchanged; kept as they were: {r.NoPriorAttainment:N0} with no prior attainment, {r.NoBands:N0} on scales the table does not cover");
        });
        group.Subcommands.Add(apply);
        return group;
    }

    public static Command DataPoints(TextWriter output)
    {
        var group = new Command("datapoints", "Data drops: list, open, close and reopen data points.");
        var institution = InstitutionOption();
        var list = new Command("list", "Data points with how many of their grades are in.") { institution };
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            foreach (var p in await scope.ServiceProvider.GetRequiredService<DataDrops>().ListAsync(target.Id, ct))
            {
                await output.WriteLineAsync($"{p.Name}\t{p.Date:yyyy-MM-dd}\t{(p.IsOpen ? "open" : "closed")}\t{p.Entered:N0} of {p.Expected:N0} grades");
            }
        });
        group.Subcommands.Add(list);

        var openInstitution = InstitutionOption();
        var name = new Option<string>("--name") { Description = "e.g. \"Spring 1\".", Required = true };
        var date = new Option<string>("--date") { Description = "The data point's date, yyyy-mm-dd.", Required = true };
        var courses = new Option<string>("--courses") { Description = "Course codes, comma-separated.", Required = true };
        var open = new Command("open", "Open a data point for some courses.") { openInstitution, name, date, courses };
        open.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(openInstitution), ct);
            if (!DateOnly.TryParseExact(parse.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new CliException($"--date '{parse.GetValue(date)}' is not a date; expected yyyy-mm-dd", 2);
            }
            var point = await scope.ServiceProvider.GetRequiredService<DataDrops>().OpenAsync(null, target.Id, parse.GetValue(name)!, day,
                parse.GetValue(courses)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ct);
            await output.WriteLineAsync($"opened data point '{point.Name}' ({point.Date:yyyy-MM-dd}) for {point.Courses.Count} course(s)");
        });
        group.Subcommands.Add(open);

        foreach (var (verb, isOpen) in new[] { ("close", false), ("reopen", true) })
        {
            var pointName = new Argument<string>("name") { Description = "The data point's name." };
            var inst = InstitutionOption();
            var command = new Command(verb, isOpen ? "Reopen a closed data point." : "Close a data point: its grades can no longer be entered or changed.") { pointName, inst };
            command.SetAction(async (parse, ct) =>
            {
                await using var scope = await CliHost.OpenAsync(parse, ct);
                var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
                var target = await CliHost.InstitutionAsync(db, parse.GetValue(inst), ct);
                var n = parse.GetValue(pointName)!;
                var point = await db.DataPoints.AsNoTracking().FirstOrDefaultAsync(d => d.InstitutionId == target.Id && d.Name == n, ct)
                    ?? throw new CliException($"there is no data point '{n}'; see 'caseload datapoints list'");
                await scope.ServiceProvider.GetRequiredService<DataDrops>().SetOpenAsync(null, target.Id, point.Id, isOpen, ct);
                await output.WriteLineAsync($"data point '{n}' {(isOpen ? "reopened" : "closed")}");
            });
            group.Subcommands.Add(command);
        }
        return group;
    }

    public static Command Scales(TextWriter output)
    {
        var group = new Command("scales", "Grade scales: the defaults (GCSE, A level, AS, BTEC, T Level) and your own.");
        var institution = InstitutionOption();
        var list = new Command("list", "Every grade scale with its grades, best first.") { institution };
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            foreach (var s in await db.GradeScales.AsNoTracking().Include(s => s.Grades).Where(s => s.InstitutionId == target.Id).OrderBy(s => s.Code).ToListAsync(ct))
            {
                await output.WriteLineAsync($"{s.Code}\t{s.Name}\t{string.Join(" ", s.Grades.OrderByDescending(g => g.Rank).Select(g => g.Code))}{(s.Aliases.Count == 0 ? "" : "\talso: " + string.Join("; ", s.Aliases))}");
            }
        });
        group.Subcommands.Add(list);

        var addInstitution = InstitutionOption();
        var code = new Option<string>("--code") { Description = "A short code, e.g. CAM-TEC.", Required = true };
        var name = new Option<string>("--name") { Description = "The scale's name.", Required = true };
        var grades = new Option<string>("--grades") { Description = "The grades, best first, comma-separated: \"D*,D,M,P,U\".", Required = true };
        var points = new Option<string?>("--points") { Description = "Optional points per grade, same order: \"56,48,32,16,0\"." };
        var add = new Command("add", "Define a custom grade scale.") { addInstitution, code, name, grades, points };
        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(addInstitution), ct);
            List<decimal>? pointValues = null;
            if (parse.GetValue(points) is { } text)
            {
                pointValues = [];
                foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
                {
                    pointValues.Add(decimal.TryParse(part, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v
                        : throw new CliException($"--points: '{part}' is not a number; expected numbers separated by commas", 2));
                }
            }
            var scale = await scope.ServiceProvider.GetRequiredService<AddGradeScale>().HandleAsync(new AddGradeScale.Request(target.Id,
                parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(grades)!.Split(','), pointValues), ct);
            await output.WriteLineAsync($"added grade scale {scale.Code} with {scale.Grades.Count} grades");
        });
        group.Subcommands.Add(add);

        var aliasInstitution = InstitutionOption();
        var aliasCode = new Option<string>("--code") { Description = "The scale's code, e.g. A-LEVEL.", Required = true };
        var aliasName = new Option<string>("--alias") { Description = "Another name for it, as the MIS writes it: \"GCE A Level (Linear)\".", Required = true };
        var alias = new Command("alias", "Teach the enrolments import another name for a scale (case, spaces, hyphens and brackets are ignored).") { aliasInstitution, aliasCode, aliasName };
        alias.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(aliasInstitution), ct);
            await output.WriteLineAsync(await scope.ServiceProvider.GetRequiredService<AddScaleAlias>().HandleAsync(target.Id, parse.GetValue(aliasCode)!, parse.GetValue(aliasName)!, ct));
        });
        group.Subcommands.Add(alias);
        return group;
    }
}

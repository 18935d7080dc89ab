using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.DataDrops;
using Caseload.Core.Features.Imports;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Features.Risk;
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
        var set = new Option<string?>("--set") { Description = $"factor=weight pairs, e.g. \"attendance=40,flags=0\" (factors: {string.Join(", ", RiskWeights.Names)}, and your indicators' codes)." };
        var historyOption = new Option<bool>("--history") { Description = "List every weight set the institution has had, newest (the current one) first." };
        var restore = new Option<int?>("--restore") { Description = "Make an earlier set (its number from --history) the current one again." };
        var weights = new Command("weights", "Show the early-warning weights; change some with --set, list every set with --history, restore one with --restore (every score is then recomputed).")
            { weightsInstitution, set, historyOption, restore };
        weights.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(weightsInstitution), ct);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = CliHost.Actor(null);
            var sets = scope.ServiceProvider.GetRequiredService<SetRiskWeights>();
            if (parse.GetValue(historyOption))
            {
                foreach (var s in await sets.HistoryAsync(target.Id, ct))
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Id,4}  {s.CreatedAt:yyyy-MM-dd HH:mm} UTC  {s.Source,-8}  {s.CreatedBy}"));
                    await output.WriteLineAsync($"      {s.Weights}");
                    if (s.Summary is { } summary)
                    {
                        await output.WriteLineAsync($"      {summary}");
                    }
                }
                return;
            }
            var current = await SetRiskWeights.ReadAsync(db, target.Id, ct);
            if (parse.GetValue(restore) is { } id)
            {
                current = await sets.RestoreAsync(target.Id, id, ct);
            }
            else if (parse.GetValue(set) is { } changes)
            {
                current = await sets.HandleAsync(target.Id, changes, ct);
            }
            if (current.IsFitted)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fitted on outcomes: the score is the chance of withdrawing or failing in per cent; intercept {current.Intercept:0.####}"));
            }
            foreach (var name in current.Factors)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-18}{current[name],8:0.####}"));
            }
        });
        group.Subcommands.Add(weights);

        group.Subcommands.Add(Evaluate(output, error));
        group.Subcommands.Add(Fit(output, error));
        group.Subcommands.Add(Indicators(output));
        return group;
    }

    private static Option<FileInfo> OutcomesOption() => new("--outcomes") { Description = "CSV with columns student_id, outcome (withdrawn, failed or completed).", Required = true };

    private static Option<string?> AsOfOption() => new("--as-of") { Description = "Score the students as their data stood on this day, yyyy-mm-dd (default today): nothing recorded after it is read." };

    private static DateOnly? AsOf(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } text)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw new CliException($"--as-of '{text}' is not a date; expected yyyy-mm-dd", 2);
    }

    private static async Task<int> RefusedAsync(TextWriter error, FileInfo path, IReadOnlyList<ImportProblem> problems, string what)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem.ToString());
        }
        await error.WriteLineAsync($"{path}: refused: {problems.Count} problem(s); {what}");
        return 1;
    }

    private static async Task WriteEvaluationAsync(TextWriter output, RiskEvaluation.Result e, bool chances)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ROC AUC: {P(e.Auc, "0.000")}{(e.AucInterval is { } ci ? $" (95% interval {ci.Low:0.000}–{ci.High:0.000})" : "")} (0.5 is chance, 1 is perfect)"));
        foreach (var t in e.Top)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"top {t.Percent}% by score ({t.Students:N0} students): {t.Positives:N0} withdrew or failed; precision {P(100 * t.Precision)}%, recall {P(100 * t.Recall)}%"));
        }
        await output.WriteLineAsync($"calibration (share withdrawn or failed by score band{(chances ? "; a calibrated score matches the share" : "")}):");
        await output.WriteLineAsync("score    students  withdrawn/failed  share   mean score");
        foreach (var b in e.Calibration)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{b.From,3}–{b.To,-4}{b.Students,9:N0}{b.Positives,18:N0}  {(b.Rate is null ? "–" : P(100 * b.Rate) + "%"),6}  {(b.Students == 0 ? "–" : b.MeanScore.ToString("0.0", CultureInfo.InvariantCulture)),10}"));
        }
    }

    private static Command Evaluate(TextWriter output, TextWriter error)
    {
        var institution = InstitutionOption();
        var outcomes = OutcomesOption();
        var asOf = AsOfOption();
        var evaluate = new Command("evaluate", "How well the current weights' scores pick out students who withdrew or failed: ROC AUC with a 95% interval, precision and recall in the top 10% and 20%, calibration.") { institution, outcomes, asOf };
        evaluate.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(outcomes)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName}: no such file", 2);
            }
            var day = AsOf(parse, asOf);
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            await using var stream = path.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<EvaluateRisk>().HandleAsync(target.Id, path.ToString(), stream, day, ct);
            if (result.Evaluation is not { } e)
            {
                return await RefusedAsync(error, path, result.Problems, "nothing was evaluated");
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{e.Students:N0} students with an outcome, {e.Positives:N0} withdrawn or failed ({P(e.Students == 0 ? null : 100m * e.Positives / e.Students)}%); scored as of {result.AsOf:yyyy-MM-dd}"));
            await WriteEvaluationAsync(output, e, false);
            return 0;
        });
        return evaluate;
    }

    private static Command Fit(TextWriter output, TextWriter error)
    {
        var institution = InstitutionOption();
        var outcomes = OutcomesOption();
        var asOf = AsOfOption();
        var apply = new Option<bool>("--apply") { Description = "Make the fitted weights the current set (dated and kept with the others; restore the previous with 'risk weights --restore')." };
        var fit = new Command("fit", "Learn the weights from your own outcomes (regularised logistic regression), compare them with the current weights and each factor alone (5-fold cross-validated), and with --apply use them.")
            { institution, outcomes, asOf, apply };
        fit.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(outcomes)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName}: no such file", 2);
            }
            var day = AsOf(parse, asOf);
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = CliHost.Actor(null);
            await using var stream = path.OpenRead();
            var watch = Stopwatch.StartNew();
            var r = await scope.ServiceProvider.GetRequiredService<FitRiskWeights>().HandleAsync(target.Id, path.ToString(), stream, day, parse.GetValue(apply), ct);
            if (r.Fitted is not { } fitted || r.Current is not { } before || r.Weights is not { } learned)
            {
                return await RefusedAsync(error, path, r.Problems, "nothing was fitted");
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{fitted.Students:N0} students with an outcome, {fitted.Positives:N0} withdrawn or failed; scored as of {r.AsOf:yyyy-MM-dd}; fitted in {watch.Elapsed.TotalSeconds:0.0}s"));
            await output.WriteLineAsync("");
            await output.WriteLineAsync("How well each would have picked them out (ROC AUC; the fitted model's from 5-fold cross-validation):");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  fitted weights    {P(fitted.Auc, "0.000")}  95% interval {(fitted.AucInterval is { } a ? $"{a.Low:0.000}–{a.High:0.000}" : "–")}  Brier {r.FittedBrier:0.000}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  current weights   {P(before.Auc, "0.000")}  95% interval {(before.AucInterval is { } b ? $"{b.Low:0.000}–{b.High:0.000}" : "–")}"));
            await output.WriteLineAsync("");
            await output.WriteLineAsync("factor            alone (AUC)  current weight  fitted coefficient");
            foreach (var f in r.Factors)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{f.Name,-18}{P(f.Auc, "0.000"),11}{f.CurrentWeight,16:0.####}{f.Coefficient,20:0.0000}"));
            }
            await output.WriteLineAsync("");
            await output.WriteLineAsync("The fitted weights in words:");
            foreach (var line in r.Words)
            {
                await output.WriteLineAsync($"  {line}");
            }
            await output.WriteLineAsync("");
            await output.WriteLineAsync("The fitted model, cross-validated:");
            await WriteEvaluationAsync(output, fitted, true);
            await output.WriteLineAsync("");
            await output.WriteLineAsync(r.Applied
                ? "Applied: the fitted weights are now the current set and every score has been recomputed (the score is now the chance of withdrawing or failing in per cent). 'caseload risk weights --history' lists the sets; '--restore N' goes back."
                : "Not applied (run again with --apply to use these weights).");
            return 0;
        });
        return fit;
    }

    private static Command Indicators(TextWriter output)
    {
        var group = new Command("indicator", "Your own early-warning indicators (units passed, fees overdue, reading age): define them, then 'caseload import indicators FILE'.");
        var institution = InstitutionOption();
        var code = new Option<string>("--code") { Description = "Lower-case letters, digits and hyphens, e.g. units-passed (the name used in files and weights).", Required = true };
        var name = new Option<string>("--name") { Description = "The words staff read in a score's reasons, e.g. \"units passed last term\".", Required = true };
        var noConcern = new Option<decimal>("--no-concern-at") { Description = "The value at which it adds nothing, e.g. 6 (units passed).", Required = true };
        var fullConcern = new Option<decimal>("--full-concern-at") { Description = "The value at which it adds its whole weight, e.g. 2 (lower than no concern: lower is worse).", Required = true };
        var weight = new Option<int?>("--weight") { Description = "Its weight in the current points set, 0 to 100 (default: 0 until weighted or fitted)." };
        var add = new Command("add", "Define an indicator (or change one's words and anchors); values between the anchors count in proportion.") { institution, code, name, noConcern, fullConcern, weight };
        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = CliHost.Actor(null);
            var i = await scope.ServiceProvider.GetRequiredService<DefineIndicator>().HandleAsync(new DefineIndicator.Request(target.Id,
                parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(noConcern), parse.GetValue(fullConcern), parse.GetValue(weight)), ct);
            var now = await SetRiskWeights.ReadAsync(db, target.Id, ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"indicator {i.Code} ({i.Name}): no concern at {i.NoConcernAt:0.####}, full concern at {i.FullConcernAt:0.####}; weight {now[i.Code]:0.####}"));
        });
        group.Subcommands.Add(add);

        var listInstitution = InstitutionOption();
        var list = new Command("list", "Your indicators with their anchors and weights.") { listInstitution };
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(listInstitution), ct);
            var current = await SetRiskWeights.ReadAsync(db, target.Id, ct);
            foreach (var i in await scope.ServiceProvider.GetRequiredService<DefineIndicator>().ListAsync(target.Id, ct))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{i.Code}\t{i.Name}\tno concern at {i.NoConcernAt:0.####}\tfull concern at {i.FullConcernAt:0.####}\tweight {current[i.Code]:0.####}"));
            }
        });
        group.Subcommands.Add(list);
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

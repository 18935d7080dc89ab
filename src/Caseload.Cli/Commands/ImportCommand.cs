using System.CommandLine;
using System.Diagnostics;
using Caseload.Core.Data;
using Caseload.Core.Features.Imports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload import &lt;kind&gt; &lt;file&gt;</c>: all-or-nothing, idempotent, every problem reported as file:line:column.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var kind = new Argument<string>("kind") { Description = $"What the file holds: {string.Join(", ", Importer.Kinds.Keys)}, or photos." };
        kind.AcceptOnlyFromAmong([.. Importer.Kinds.Keys, Photos]);
        var file = new Argument<FileInfo>("file") { Description = "A CSV file in the format of docs/import-formats.md (for photos: a folder or a ZIP file of them)." };
        var institution = new Option<string?>("--institution") { Description = "Institution code (needed when the database holds several)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the whole file and report problems without writing anything." };
        var actor = new Option<string?>("--as") { Description = "Who to record as making the change (default: cli:<user>)." };
        var storeGood = new Option<bool>("--skip-refused") { Description = "Photos only: store the photos that can be used even when others are refused (listed)." };
        var command = new Command("import", "Import a CSV file from the MIS, or a folder or ZIP of students' photos.") { kind, file, institution, dryRun, actor, storeGood };
        Run(command, parse => parse.GetValue(kind)!, file, institution, dryRun, actor, output, error,
            (parse, ct) => ImportPhotosAsync(parse, parse.GetValue(file)!, parse.GetValue(institution), parse.GetValue(dryRun), parse.GetValue(storeGood), parse.GetValue(actor), output, error, ct));
        return command;
    }

    private const string Photos = "photos";

    /// <summary><c>caseload import photos FOLDER|ZIP</c>: files named by student ID; refused files listed with the reason.</summary>
    private static async Task<int> ImportPhotosAsync(ParseResult parse, FileInfo path, string? institution, bool dryRun, bool storeGood, string? actor,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = await CliHost.OpenAsync(parse, ct);
        var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
        var target = await CliHost.InstitutionAsync(db, institution, ct);
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = CliHost.Actor(actor);
        IDisposable? archive = null;
        try
        {
            var files = Core.Features.Photos.ImportPhotos.From(path.FullName, out archive);
            var watch = Stopwatch.StartNew();
            var import = scope.ServiceProvider.GetRequiredService<Core.Features.Photos.ImportPhotos>();
            var result = await import.HandleAsync(target.Id, files, storeGood, dryRun, ct);
            foreach (var refusal in result.Refused)
            {
                await error.WriteLineAsync($"{path.Name}/{refusal}");
            }
            if (dryRun || !result.Written)
            {
                await (result.Refused.Count > 0 ? error : output).WriteLineAsync(result.Refused.Count > 0
                    ? $"{path.Name}: refused: {result.Refused.Count} of {result.Files} files cannot be used; nothing was written (--skip-refused stores the others)"
                    : $"{path.Name}: {result.Files} files checked, no problems: {result.Stored} would be stored, {result.Unchanged} unchanged (dry run: nothing written)");
                return result.Refused.Count > 0 ? 1 : 0;
            }
            await output.WriteLineAsync($"{path.Name}: {result.Files} files: {result.Stored} photos stored, {result.Unchanged} unchanged, {result.Refused.Count} refused in {watch.Elapsed.TotalSeconds:0.0}s");
            return result.Refused.Count > 0 ? 1 : 0;
        }
        finally
        {
            archive?.Dispose();
        }
    }

    /// <summary><c>caseload calendar import FILE</c>: the calendar import under its own name, and <c>calendar show</c>.</summary>
    public static Command Calendar(TextWriter output, TextWriter error)
    {
        var group = new Command("calendar", "The institution's academic years, terms, holidays and INSET days.");
        var file = new Argument<FileInfo>("file") { Description = "A CSV file of years, terms and closed days (docs/import-formats.md, calendar)." };
        var institution = new Option<string?>("--institution") { Description = "Institution code (needed when the database holds several)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the whole file and report problems without writing anything." };
        var actor = new Option<string?>("--as") { Description = "Who to record as making the change (default: cli:<user>)." };
        var import = new Command("import", "Replace the years in the file (with their terms and closed days) by the file's.") { file, institution, dryRun, actor };
        Run(import, _ => "calendar", file, institution, dryRun, actor, output, error);
        group.Subcommands.Add(import);

        var showInstitution = new Option<string?>("--institution") { Description = "Institution code (needed when the database holds several)." };
        var show = new Command("show", "Every academic year with its terms and closed days.") { showInstitution };
        show.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(showInstitution), ct);
            foreach (var line in await Core.Features.Institutions.GetCalendar.LinesAsync(db, target.Id, ct))
            {
                await output.WriteLineAsync(line);
            }
        });
        group.Subcommands.Add(show);
        return group;
    }

    private static void Run(Command command, Func<ParseResult, string> kindOf, Argument<FileInfo> file, Option<string?> institution, Option<bool> dryRun,
        Option<string?> actor, TextWriter output, TextWriter error, Func<ParseResult, CancellationToken, Task<int>>? photos = null)
    {
        command.SetAction(async (parse, ct) =>
        {
            if (photos is not null && kindOf(parse) == Photos)
            {
                return await photos(parse, ct);
            }
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName}: no such file", 2);
            }
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            var importer = scope.ServiceProvider.GetRequiredService<Importer>();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = CliHost.Actor(parse.GetValue(actor));
            var name = parse.GetValue(file)!.ToString();
            await using var stream = path.OpenRead();
            var watch = Stopwatch.StartNew();
            var result = await WithProgress(output, path.Length, progress =>
                importer.RunAsync(kindOf(parse), new ImportRequest(target.Id, name, stream, CliHost.Actor(parse.GetValue(actor)), parse.GetValue(dryRun), progress), ct));
            foreach (var warning in result.Warnings)
            {
                await error.WriteLineAsync($"warning: {warning}");
            }
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems)
                {
                    await error.WriteLineAsync(problem.ToString());
                }
                if (result.ProblemCount > result.Problems.Count)
                {
                    await error.WriteLineAsync($"... and {result.ProblemCount - result.Problems.Count} more problems (the first {result.Problems.Count} are shown)");
                }
                await error.WriteLineAsync($"{name}: refused: {result.ProblemCount} problem(s) in {result.Rows:N0} rows; nothing was written");
                return 1;
            }
            var rate = result.Rows / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
            await output.WriteLineAsync(result.Outcome == Core.Domain.ImportOutcome.DryRun
                ? $"{name}: {result.Rows:N0} rows checked, no problems (dry run: nothing written) in {watch.Elapsed.TotalSeconds:0.0}s"
                : $"{name}: {result.Rows:N0} rows: {result.Counts.Inserted:N0} added, {result.Counts.Updated:N0} updated, {result.Counts.Unchanged:N0} unchanged in {watch.Elapsed.TotalSeconds:0.0}s" +
                  (result.Rows >= 10_000 ? $" ({rate:N0} rows/s)" : ""));
            return 0;
        });
    }

    /// <summary>A live bar with rows per second in a terminal; a plain line every few seconds when output is redirected.</summary>
    private static async Task<T> WithProgress<T>(TextWriter output, long bytes, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out) || bytes < 1_000_000)
        {
            var watch = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            return await work(new SyncProgress(p =>
            {
                if (watch.Elapsed - last >= TimeSpan.FromSeconds(2))
                {
                    last = watch.Elapsed;
                    output.WriteLine($"{p.Stage}: {p.Rows:N0} rows ({p.Rows / watch.Elapsed.TotalSeconds:N0} rows/s)");
                }
            }));
        }
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsPerSecondColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("checking", maxValue: bytes);
                result = await work(new SyncProgress(p =>
                {
                    task.Description = p.Stage;
                    task.State.Update<long>("rows", _ => p.Rows);
                    task.Value = p.Stage == "writing" ? bytes : p.Bytes;
                }));
                task.Value = bytes;
            });
        return result;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and lag the bar).</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private sealed class RowsPerSecondColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var rows = task.State.Get<long>("rows");
            var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            return new Markup(seconds > 0 ? $"{rows:N0} rows, {rows / seconds:N0} rows/s" : "");
        }
    }
}

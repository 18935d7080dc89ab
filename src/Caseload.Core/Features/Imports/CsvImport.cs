using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

public sealed record ImportRequest(
    int InstitutionId,
    string FileName,
    Stream Content,
    string Actor,
    bool DryRun = false,
    IProgress<ImportProgress>? Progress = null,
    DateOnly? AsOf = null)
{
    /// <summary>When given, receives each step's milliseconds (for the benchmarks).</summary>
    public IDictionary<string, double>? Timings { get; init; }
}

public readonly record struct ImportProgress(long Rows, long Bytes, string Stage);

public sealed record ImportCounts(int Inserted, int Updated, int Unchanged);

public sealed record ImportResult(
    ImportOutcome Outcome,
    int Rows,
    ImportCounts Counts,
    IReadOnlyList<ImportProblem> Problems,
    int ProblemCount,
    IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Outcome != ImportOutcome.Refused;
}

/// <summary>
/// The one import pipeline: read and validate every row first, refuse the whole file if anything is wrong,
/// otherwise apply it in a single transaction. Each kind supplies its schema, its row rules and how it writes.
/// </summary>
public abstract class CsvImport<TRow>(CaseloadDbContext db, TimeProvider clock)
    where TRow : class
{
    private const int ProgressEvery = 16_384;

    protected CaseloadDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    public abstract ImportSchema Schema { get; }

    /// <summary>Loads what row validation needs (existing keys, code tables) for the institution.</summary>
    protected abstract Task PrepareAsync(int institutionId, CancellationToken ct);

    /// <summary>Validates one record; returns null after recording problems.</summary>
    protected abstract TRow? Parse(CsvImportReader record, ImportProblems problems);

    /// <summary>Told the file's size before reading, so a big kind can size its buffers once.</summary>
    protected virtual void Expect(long bytes)
    {
    }

    /// <summary>
    /// The students whose summaries (figures and risk score) the rows can change: none by default, null for every
    /// student of the institution.
    /// </summary>
    protected virtual Task<IReadOnlyCollection<int>?> StudentsToRefreshAsync(List<TRow> rows, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<int>?>([]);

    /// <summary>Brings the summaries of the students the write changed up to date, in the import's transaction: by default
    /// recomputes <see cref="StudentsToRefreshAsync"/>. <paramref name="timings"/>, when given, may receive the steps' milliseconds.</summary>
    protected virtual async Task RefreshSummariesAsync(int institutionId, List<TRow> rows, DateTime now, IDictionary<string, double>? timings, CancellationToken ct)
    {
        var students = await StudentsToRefreshAsync(rows, ct);
        if (students is null || students.Count > 0)
        {
            await Features.Analytics.StudentSummaries.RecomputeAsync(Db, institutionId, students, Today, now, ct);
        }
    }

    /// <summary>Checks between rows, once every row has parsed (a term inside its year): problems name their row's line.</summary>
    protected virtual Task CheckAllAsync(int institutionId, List<TRow> rows, ImportProblems problems, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Writes the validated rows inside the import's transaction.</summary>
    protected abstract Task<ImportCounts> ApplyAsync(int institutionId, List<TRow> rows, string actor, DateTime now, CancellationToken ct);

    /// <summary>The day the import is made as of: the clock's today, or the request's <see cref="ImportRequest.AsOf"/> (the demo's day).</summary>
    protected DateOnly Today { get; private set; }

    public async Task<ImportResult> HandleAsync(ImportRequest request, CancellationToken ct = default)
    {
        var started = Clock.GetUtcNow().UtcDateTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string step)
        {
            if (request.Timings is { } timings)
            {
                timings[step] = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
            }
        }
        Today = request.AsOf ?? Clock.Today();
        var problems = new ImportProblems(request.FileName);
        await PrepareAsync(request.InstitutionId, ct);

        if (request.Content.CanSeek)
        {
            Expect(request.Content.Length);
        }
        var rows = new List<TRow>();
        var records = 0;
        IReadOnlyList<string> warnings = [];
        using (var reader = CsvImportReader.Open(request.Content, Schema, problems))
        {
            if (reader is not null)
            {
                while (reader.Read())
                {
                    records++;
                    var row = Parse(reader, problems);
                    if (row is not null)
                    {
                        rows.Add(row);
                    }
                    if (records % ProgressEvery == 0)
                    {
                        request.Progress?.Report(new ImportProgress(records, reader.BytesRead, "checking"));
                    }
                }
                warnings = reader.Warnings;
            }
        }

        Lap("read and check");
        if (!problems.Any)
        {
            await CheckAllAsync(request.InstitutionId, rows, problems, ct);
        }
        Lap("check all");
        if (problems.Any)
        {
            await RecordRunAsync(request, started, ImportOutcome.Refused, records, new ImportCounts(0, 0, 0), problems.Count, ct);
            return new ImportResult(ImportOutcome.Refused, records, new ImportCounts(0, 0, 0), problems.Kept, problems.Count, warnings);
        }
        if (request.DryRun)
        {
            await RecordRunAsync(request, started, ImportOutcome.DryRun, records, new ImportCounts(0, 0, 0), 0, ct);
            return new ImportResult(ImportOutcome.DryRun, records, new ImportCounts(0, 0, 0), [], 0, warnings);
        }

        request.Progress?.Report(new ImportProgress(records, 0, "writing"));
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        await TakeTurnAsync(request.InstitutionId, ct);
        var counts = await ApplyAsync(request.InstitutionId, rows, request.Actor, started, ct);
        Lap("write");
        if (counts.Inserted + counts.Updated > 0)
        {
            // The students' summaries and risk scores change with their data, in the same transaction.
            request.Progress?.Report(new ImportProgress(records, 0, "updating summaries"));
            Db.ChangeTracker.Clear();
            await RefreshSummariesAsync(request.InstitutionId, rows, Clock.GetUtcNow().UtcDateTime, request.Timings, ct);
        }
        Lap("summaries");
        await RecordRunAsync(request, started, ImportOutcome.Applied, records, counts, 0, ct);
        await tx.CommitAsync(ct);
        Lap("commit");
        if (counts.Inserted + counts.Updated > 0)
        {
            await DataVersion.RaiseAsync(Db, ct);
        }
        if (counts.Inserted + counts.Updated >= LargeChange && await StatisticsStaleAsync(counts.Inserted + counts.Updated, ct))
        {
            await RefreshStatisticsAsync(ct);
        }
        Lap("after");
        return new ImportResult(ImportOutcome.Applied, records, counts, [], 0, warnings);
    }

    /// <summary>The class of PostgreSQL advisory lock an institution's imports take turns by (the second key is the institution).</summary>
    public const int ImportLockClass = 0x43_4C_49;

    /// <summary>
    /// Imports of one institution write one at a time: two uploads of the same day's registers at once would otherwise
    /// both find the day new and the second fail on the key. On PostgreSQL a lock held until the import's transaction
    /// ends (the later import then finds the marks written and unchanged); SQLite's write transactions already take turns.
    /// </summary>
    private async Task TakeTurnAsync(int institutionId, CancellationToken ct)
    {
        if (Db.IsPostgres)
        {
            await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLockClass}, {institutionId})", ct);
        }
    }

    /// <summary>Imports changing at least this many rows refresh the planner's statistics straight away.</summary>
    public const int LargeChange = 10_000;

    /// <summary>
    /// After a large import the query planner's statistics are stale (on a fresh PostgreSQL database they do not exist
    /// until autovacuum gets round to it): pages then pick slow plans — measured at 260 ms instead of 45 ms for a
    /// caseload page after loading a year of marks. Refresh them now: sampled, so a second or two at most.
    /// </summary>
    /// <summary>The table most of this kind's rows go to, for deciding whether statistics need refreshing; null: always refresh.</summary>
    protected virtual Type? MainEntity => null;

    /// <summary>
    /// Whether a large change is large for its table: on PostgreSQL, at least a tenth of the rows the planner thinks
    /// the table has (a day's marks on a year of them is not: refreshing took ~0.3 s of a one-day import for nothing).
    /// SQLite's <c>PRAGMA optimize</c> makes the same judgement itself.
    /// </summary>
    private async Task<bool> StatisticsStaleAsync(int changed, CancellationToken ct)
    {
        if (!Db.IsPostgres || MainEntity is null || Db.Model.FindEntityType(MainEntity)?.GetTableName() is not { } table)
        {
            return true;
        }
        var estimate = await Db.Database.SqlQuery<float>($"SELECT reltuples AS \"Value\" FROM pg_class WHERE relname = {table}").ToListAsync(ct);
        return estimate is not [var rows] || rows < 0 || changed * 10L >= rows;
    }

    private async Task RefreshStatisticsAsync(CancellationToken ct)
    {
        var sql = Db.IsPostgres ? "ANALYZE" : "PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;";
        await Db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    private async Task RecordRunAsync(ImportRequest request, DateTime started, ImportOutcome outcome, int rows, ImportCounts counts, int errors, CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        Db.ImportRuns.Add(new ImportRun
        {
            InstitutionId = request.InstitutionId,
            Kind = Schema.Kind,
            FileName = Path.GetFileName(request.FileName),
            StartedAt = started,
            FinishedAt = Clock.GetUtcNow().UtcDateTime,
            Outcome = outcome,
            Rows = rows,
            Inserted = counts.Inserted,
            Updated = counts.Updated,
            Unchanged = counts.Unchanged,
            Errors = errors,
            StartedBy = request.Actor,
        });
        await Db.SaveChangesAsync(ct);
        Db.ChangeTracker.Clear();
    }
}

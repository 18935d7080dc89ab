using System.Diagnostics;
using System.Globalization;
using System.Text;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Features.Imports;
using Caseload.Core.Hosting;
using Caseload.Data.Postgres;
using Caseload.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Bench;

/// <summary>
/// On a database holding the full-year demo (bench/analytics-bench.sh makes it): (1) recompute from scratch every weekly
/// attendance summary (from the raw marks) and every student's summary and risk score; (2) apply one school day's
/// lesson marks for every student through the real attendance import — validation, merge, history, weekly summaries and
/// the touched students' risk scores — for several new days; (3) recompute only those students' summaries. Each
/// timed in-process, several runs, median and all runs printed.
/// </summary>
internal static class AnalyticsBenchmark
{
    private static int Runs = 5;

    public static async Task RunAsync(string provider, string connection, DateOnly asOf, bool quick = false)
    {
        var database = new DatabaseSelection(provider == "Postgres" ? new PostgresProvider() : new SqliteProvider(), connection);
        var clock = new FixedClock(asOf);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddCaseloadCore(database).BuildServiceProvider();
        int institution, students, marks;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            institution = await db.Institutions.Where(i => i.Code == "DEMO").Select(i => i.Id).SingleAsync();
            students = await db.Students.CountAsync(s => s.InstitutionId == institution && s.OnRoll);
            marks = await db.AttendanceMarks.CountAsync();
        }
        Runs = quick ? 2 : 5;
        Console.WriteLine($"{provider}: {students:N0} students, {marks:N0} lesson marks, as of {asOf:yyyy-MM-dd}; machine {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var weeks = new List<double>();
        var risk = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var watch = Stopwatch.StartNew();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await scope.ServiceProvider.GetRequiredService<IAttendanceStore>().RebuildWeeksAsync(db, institution, default);
                await tx.CommitAsync();
            }
            weeks.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await StudentSummaries.RecomputeAsync(db, institution, null, asOf, clock.GetUtcNow().UtcDateTime);
            risk.Add(watch.Elapsed.TotalMilliseconds);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            for (var run = 0; run < 3; run++)
            {
                var steps = new Dictionary<string, double>();
                var watch = Stopwatch.StartNew();
                await StudentSummaries.ComputeAsync(db, institution, null, asOf, clock.GetUtcNow().UtcDateTime, default, steps);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  compute only (no write), all students: {watch.Elapsed.TotalMilliseconds:0} ms = {string.Join(" + ", steps.Select(s => $"{s.Key} {s.Value:0}"))}"));
            }
        }
        Report("full: weekly summaries from every mark", weeks);
        Report("full: every student's summary and risk score", risk);
        Report("full: both", [.. weeks.Zip(risk, (a, b) => a + b)]);

        var day = new List<double>();
        var touched = new List<double>();
        var nightly = new List<double>();
        var next = asOf;
        for (var run = 0; run < Runs; run++)
        {
            do
            {
                next = next.AddDays(1);
            }
            while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var ids = await db.Students.Where(s => s.InstitutionId == institution && s.OnRoll).OrderBy(s => s.Id).Select(s => new { s.Id, s.ExternalId }).ToListAsync();
            var csv = DayOfMarks(ids.Select(s => s.ExternalId), next, run);
            clock.Today = next;
            // As in the web app: the nightly job brings every summary to the new day before the day's registers arrive.
            var watch = Stopwatch.StartNew();
            var brought = await scope.ServiceProvider.GetRequiredService<BringSummariesUpToDate>().HandleAsync();
            nightly.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    the nightly job: {brought.Students:N0} summaries brought to {next:yyyy-MM-dd} in {watch.Elapsed.TotalMilliseconds:0} ms"));
            watch.Restart();
            var importSteps = new Dictionary<string, double>();
            var result = await scope.ServiceProvider.GetRequiredService<Importer>().RunAsync("attendance",
                new ImportRequest(institution, $"day-{next:yyyy-MM-dd}.csv", new MemoryStream(csv), "bench") { Timings = importSteps });
            day.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    the day's import: {string.Join(" + ", importSteps.Select(s => $"{s.Key} {s.Value:0}"))}"));
            if (!result.Succeeded || result.Counts.Inserted == 0)
            {
                throw new InvalidOperationException($"the day's import did not apply: {string.Join("; ", result.Problems.Take(3))}");
            }
            if (run == 0)
            {
                Console.WriteLine($"one day = {result.Rows:N0} marks ({result.Counts.Inserted:N0} new) for {ids.Count:N0} students, {csv.Length / 1024.0:0} KiB of CSV");
            }
            watch.Restart();
            var steps = new Dictionary<string, double>();
            await StudentSummaries.RecomputeAsync(db, institution, [.. ids.Select(s => s.Id)], next, clock.GetUtcNow().UtcDateTime, default, steps);
            touched.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    every touched student's summary from scratch, for comparison: {string.Join(" + ", steps.Select(s => $"{s.Key} {s.Value:0}"))}"));
        }
        Report("nightly job: every summary brought to the new day", nightly);
        Report("incremental: import one day's marks (everything above, for every student)", day);
        Report("for comparison: the touched students' summaries and risk from scratch (run again alone)", touched);
    }

    /// <summary>Five lessons a day for every student: mostly present, some late, a few absent.</summary>
    private static byte[] DayOfMarks(IEnumerable<string> students, DateOnly date, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder("student_id,date,session,code,minutes_late\n");
        var d = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var s in students)
        {
            for (var p = 1; p <= 5; p++)
            {
                var roll = rng.NextDouble();
                var (code, late) = roll < 0.88 ? ("/", "") : roll < 0.93 ? ("L", "7") : roll < 0.97 ? ("I", "") : ("O", "");
                sb.Append(s).Append(',').Append(d).Append(",P").Append(p).Append(',').Append(code).Append(',').Append(late).Append('\n');
            }
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Report(string what, List<double> ms)
    {
        var sorted = ms.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: median {sorted[sorted.Count / 2]:0} ms (runs: {string.Join(", ", ms.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))})"));
    }

    internal sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public DateOnly Today { get; set; } = today;

        public override DateTimeOffset GetUtcNow() => new(Today.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}

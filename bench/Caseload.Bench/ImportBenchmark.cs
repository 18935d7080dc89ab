using System.Diagnostics;
using System.Globalization;
using System.Text;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Imports;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Hosting;
using Caseload.Data.Postgres;
using Caseload.Data.Sqlite;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Caseload.Bench;

/// <summary>
/// Imports N register marks into each database through the real import (parse, validate, merge, history,
/// weekly summaries) and, in the same run, the raw floor: the same file parsed by the same CSV parser and copied
/// into a bare table with no validation, no keys and no summaries. Then re-imports the same file (0 changes).
/// </summary>
internal static class ImportBenchmark
{
    private const int Students = 4_000;

    public static async Task RunAsync(int marks, string? postgres, string? only)
    {
        var dir = Directory.CreateTempSubdirectory("caseload-bench-");
        var studentsCsv = Path.Combine(dir.FullName, "students.csv");
        var marksCsv = Path.Combine(dir.FullName, "attendance.csv");
        WriteFiles(studentsCsv, marksCsv, marks);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"data: {Students:N0} students, {marks:N0} lesson marks, file {new FileInfo(marksCsv).Length / 1_048_576.0:0.0} MiB");
        try
        {
            var sqlitePath = Path.Combine(dir.FullName, "bench.db");
            if (only is null or "Sqlite")
            {
                await RunOneAsync(new DatabaseSelection(new SqliteProvider(), $"Data Source={sqlitePath}"), studentsCsv, marksCsv, marks);
            }
            if (postgres is not null && only is null or "Postgres")
            {
                // The throwaway cluster from bench/import-bench.sh is deleted afterwards, databases and all.
                var cs = new NpgsqlConnectionStringBuilder(postgres) { Database = $"caseload_bench_{Guid.NewGuid():N}" }.ConnectionString;
                await RunOneAsync(new DatabaseSelection(new PostgresProvider(), cs), studentsCsv, marksCsv, marks);
            }
            else
            {
                Console.WriteLine("postgres: skipped (no --postgres connection string; bench/import-bench.sh provides one)");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private const int Repeats = 3;

    private static async Task RunOneAsync(DatabaseSelection template, string studentsCsv, string marksCsv, int marks)
    {
        var raw = new List<double>();
        var keyed = new List<double>();
        var real = new List<double>();
        var again = new List<double>();
        for (var run = 0; run < Repeats; run++)
        {
            // A fresh database each run, so every real import starts from the same empty marks table.
            var database = await FreshAsync(template, run);
            var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddCaseloadCore(database).BuildServiceProvider();
            int institution;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
                await CaseloadServices.MigrateAsync(db);
                institution = (await scope.ServiceProvider.GetRequiredService<CreateInstitution>()
                    .HandleAsync(new CreateInstitution.Request("BENCH", "Bench College", InstitutionKind.SixthFormCollege))).Id;
                await ImportAsync(scope.ServiceProvider, institution, "students", studentsCsv);
            }

            raw.Add(await TimeAsync(() => RawFloorAsync(database, marksCsv, withKey: false)));
            keyed.Add(await TimeAsync(() => RawFloorAsync(database, marksCsv, withKey: true)));
            real.Add(await TimeAsync(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var result = await ImportAsync(scope.ServiceProvider, institution, "attendance", marksCsv);
                if (result.Counts.Inserted != marks)
                {
                    throw new InvalidOperationException($"expected {marks} inserted, got {result.Counts}");
                }
            }));
            again.Add(await TimeAsync(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var result = await ImportAsync(scope.ServiceProvider, institution, "attendance", marksCsv);
                if (result.Counts.Inserted + result.Counts.Updated != 0 || result.Counts.Unchanged != marks)
                {
                    throw new InvalidOperationException($"re-import changed rows: {result.Counts}");
                }
            }));
            await services.DisposeAsync();
        }

        string Line(string what, List<double> times) =>
            $"{template.Provider.Name,-8} {what,-34} median {Median(times),6:0.00}s {marks / Median(times),11:N0} rows/s   (runs {string.Join(", ", times.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))})";
        Console.WriteLine(Line("raw floor (bare table, no key)", raw));
        Console.WriteLine(Line("raw floor with the same key", keyed));
        Console.WriteLine(Line("real import", real));
        Console.WriteLine(Line("re-import, 0 rows changed", again));
        Console.WriteLine($"{template.Provider.Name,-8} real import speed / raw floor speed = {Median(raw) / Median(real):0.00} (with key: {Median(keyed) / Median(real):0.00})");
    }

    private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    private static async Task<DatabaseSelection> FreshAsync(DatabaseSelection template, int run)
    {
        if (template.Provider is SqliteProvider)
        {
            var path = new SqliteConnectionStringBuilder(template.ConnectionString).DataSource;
            return new DatabaseSelection(template.Provider, $"Data Source={Path.ChangeExtension(path, $".{run}.db")}");
        }
        var builder = new NpgsqlConnectionStringBuilder(template.ConnectionString);
        var name = $"{builder.Database}_{run}";
        await AdminAsync(new NpgsqlConnectionStringBuilder(template.ConnectionString) { Database = "postgres" }.ConnectionString, $"CREATE DATABASE {name}");
        builder.Database = name;
        return new DatabaseSelection(template.Provider, builder.ConnectionString);
    }

    private static async Task<ImportResult> ImportAsync(IServiceProvider services, int institution, string kind, string path)
    {
        await using var stream = File.OpenRead(path);
        var result = await services.GetRequiredService<Importer>().RunAsync(kind, new ImportRequest(institution, path, stream, "bench"));
        return result.Succeeded ? result : throw new InvalidOperationException(string.Join("\n", result.Problems.Take(5)));
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The floor: same file, same parser, into a bare table with no checks, conversions or summaries; optionally
    /// with the real table's primary key, to show how much of the import's cost is simply maintaining that index.
    /// </summary>
    private static async Task RawFloorAsync(DatabaseSelection database, string marksCsv, bool withKey)
    {
        using var reader = new StreamReader(marksCsv, Encoding.UTF8);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        parser.Read(); // header
        if (database.Provider is PostgresProvider)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await using (var create = new NpgsqlCommand("DROP TABLE IF EXISTS raw_marks; CREATE TABLE raw_marks (student_id text, date text, session text, code text, minutes_late text" + (withKey ? ", PRIMARY KEY (student_id, date, session))" : ")"), connection))
            {
                await create.ExecuteNonQueryAsync();
            }
            await using (var copy = await connection.BeginBinaryImportAsync("COPY raw_marks FROM STDIN (FORMAT BINARY)"))
            {
                while (parser.Read())
                {
                    await copy.StartRowAsync();
                    for (var i = 0; i < 5; i++)
                    {
                        await copy.WriteAsync(parser[i], NpgsqlDbType.Text);
                    }
                }
                await copy.CompleteAsync();
            }
            await tx.CommitAsync();
            return;
        }
        await using var sqlite = new SqliteConnection(database.ConnectionString);
        await sqlite.OpenAsync();
        await using (var create = sqlite.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; DROP TABLE IF EXISTS raw_marks; CREATE TABLE raw_marks (student_id TEXT, date TEXT, session TEXT, code TEXT, minutes_late TEXT" +
                (withKey ? ", PRIMARY KEY (student_id, date, session)) WITHOUT ROWID" : ")");
            await create.ExecuteNonQueryAsync();
        }
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        using var insert = sqlite.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO raw_marks VALUES ($a, $b, $c, $d, $e)";
        var ps = new[] { "$a", "$b", "$c", "$d", "$e" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Prepare();
        while (parser.Read())
        {
            for (var i = 0; i < 5; i++)
            {
                ps[i].Value = parser[i];
            }
            insert.ExecuteNonQuery();
        }
        await transaction.CommitAsync();
    }

    /// <summary>4,000 students with lesson registers: five lessons a day over as many school days as it takes.</summary>
    private static void WriteFiles(string studentsCsv, string marksCsv, int marks)
    {
        var rng = new Random(1);
        using (var w = new StreamWriter(studentsCsv))
        {
            w.WriteLine("student_id,first_name,last_name,date_of_birth,year_group");
            for (var s = 0; s < Students; s++)
            {
                w.WriteLine($"B{s:00000},Student{s},Bench,2009-0{1 + s % 9}-1{s % 10},{12 + s % 2}");
            }
        }
        string[] codes = ["/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "L", "I", "O", "M", "N", "U", "V", "X"];
        using var m = new StreamWriter(marksCsv);
        m.WriteLine("student_id,date,session,code,minutes_late");
        var written = 0;
        var day = new DateOnly(2026, 9, 7);
        while (written < marks)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                for (var s = 0; s < Students && written < marks; s++)
                {
                    for (var p = 1; p <= 5 && written < marks; p++, written++)
                    {
                        var code = codes[rng.Next(codes.Length)];
                        var late = code is "L" ? rng.Next(1, 15).ToString(CultureInfo.InvariantCulture) : code is "U" ? "35" : "";
                        m.WriteLine($"B{s:00000},{day:yyyy-MM-dd},P{p},{code},{late}");
                    }
                }
            }
            day = day.AddDays(1);
        }
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

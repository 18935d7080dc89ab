using System.Globalization;
using System.Text;
using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Caseload.Data.Sqlite;

/// <summary>
/// Prepared, batched upserts in the caller's transaction. The upsert's WHERE leaves identical marks untouched and
/// its RETURNING names the rows that did change, so only their weeks are recomputed.
/// </summary>
internal sealed class SqliteAttendanceStore : IAttendanceStore
{
    private const int Batch = 200; // 7 parameters a row: well under SQLite's limit, big enough to amortise each call
    private const string DateFormat = "yyyy-MM-dd";
    private const string InstantFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF"; // how EF Core's SQLite provider writes DateTime

    public async Task<MarkMergeResult> MergeAsync(CaseloadDbContext db, int institutionId, IReadOnlyList<MarkRow> rows, string actor, DateTime now, CancellationToken ct)
    {
        var (connection, transaction) = Open(db);
        var historyBefore = await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(id), 0) FROM attendance_mark_changes", ct);
        var recordedAt = now.ToString(InstantFormat, CultureInfo.InvariantCulture);
        var weeks = new HashSet<(int, DateOnly)>();
        var changed = 0;

        using var full = Prepare(connection, transaction, Batch);
        for (var offset = 0; offset < rows.Count; offset += Batch)
        {
            var count = Math.Min(Batch, rows.Count - offset);
            using var tail = count == Batch ? null : Prepare(connection, transaction, count);
            var command = tail ?? full;
            var p = command.Parameters;
            for (var i = 0; i < count; i++)
            {
                var row = rows[offset + i];
                p[i * 5].Value = row.StudentId;
                p[i * 5 + 1].Value = row.Date.ToString(DateFormat, CultureInfo.InvariantCulture);
                p[i * 5 + 2].Value = row.Session;
                p[i * 5 + 3].Value = row.Code;
                p[i * 5 + 4].Value = row.MinutesLate is { } late ? late : DBNull.Value;
            }
            p[count * 5].Value = recordedAt;
            p[count * 5 + 1].Value = actor;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                changed++;
                var date = DateOnly.ParseExact(reader.GetString(1), DateFormat, CultureInfo.InvariantCulture);
                weeks.Add((reader.GetInt32(0), Weeks.StartOf(date)));
            }
        }

        var updated = (int)(await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM attendance_mark_changes WHERE id > {historyBefore}", ct));
        await RefreshAsync(connection, transaction, institutionId, weeks, ct);
        return new MarkMergeResult(changed - updated, updated, rows.Count - changed, weeks.Count);
    }

    public async Task<int> RebuildWeeksAsync(CaseloadDbContext db, int institutionId, CancellationToken ct)
    {
        var (connection, transaction) = Open(db);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TEMP TABLE IF NOT EXISTS affected_weeks (student_id INTEGER NOT NULL, week_start TEXT NOT NULL, week_end TEXT NOT NULL,
                PRIMARY KEY (student_id, week_start)) WITHOUT ROWID;
            DELETE FROM affected_weeks;
            INSERT INTO affected_weeks (student_id, week_start, week_end)
            SELECT DISTINCT m.student_id, date(m.date, 'weekday 0', '-6 days'), date(m.date, 'weekday 0', '+1 days')
            FROM attendance_marks m JOIN students s ON s.id = m.student_id WHERE s.institution_id = @institution;
            DELETE FROM attendance_weeks WHERE student_id IN (SELECT id FROM students WHERE institution_id = @institution);
            """ + AttendanceWeeksSql.InsertAffected + "\nDELETE FROM affected_weeks;";
        command.Parameters.AddWithValue("@institution", institutionId);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task RefreshAsync(SqliteConnection connection, SqliteTransaction transaction, int institutionId, HashSet<(int StudentId, DateOnly Week)> weeks, CancellationToken ct)
    {
        if (weeks.Count == 0)
        {
            return;
        }
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = """
                CREATE TEMP TABLE IF NOT EXISTS affected_weeks (student_id INTEGER NOT NULL, week_start TEXT NOT NULL, week_end TEXT NOT NULL,
                    PRIMARY KEY (student_id, week_start)) WITHOUT ROWID;
                DELETE FROM affected_weeks;
                """;
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO affected_weeks (student_id, week_start, week_end) VALUES (@s, @w, @e)";
            var s = insert.Parameters.Add("@s", SqliteType.Integer);
            var w = insert.Parameters.Add("@w", SqliteType.Text);
            var e = insert.Parameters.Add("@e", SqliteType.Text);
            insert.Prepare();
            foreach (var (studentId, week) in weeks)
            {
                s.Value = studentId;
                w.Value = week.ToString(DateFormat, CultureInfo.InvariantCulture);
                e.Value = week.AddDays(7).ToString(DateFormat, CultureInfo.InvariantCulture);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await using var refresh = connection.CreateCommand();
        refresh.Transaction = transaction;
        refresh.CommandText = AttendanceWeeksSql.DeleteAffected + AttendanceWeeksSql.InsertAffected + "\nDELETE FROM affected_weeks;";
        refresh.Parameters.AddWithValue("@institution", institutionId);
        await refresh.ExecuteNonQueryAsync(ct);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, int rows)
    {
        var sql = new StringBuilder("INSERT INTO attendance_marks (student_id, date, session, code, minutes_late, recorded_at, recorded_by) VALUES ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"(@s{i},@d{i},@p{i},@c{i},@m{i},@at,@by)");
            command.Parameters.Add($"@s{i}", SqliteType.Integer);
            command.Parameters.Add($"@d{i}", SqliteType.Text);
            command.Parameters.Add($"@p{i}", SqliteType.Text);
            command.Parameters.Add($"@c{i}", SqliteType.Text);
            command.Parameters.Add($"@m{i}", SqliteType.Integer);
        }
        command.Parameters.Add("@at", SqliteType.Text);
        command.Parameters.Add("@by", SqliteType.Text);
        sql.Append("""
             ON CONFLICT (student_id, date, session) DO UPDATE SET code = excluded.code, minutes_late = excluded.minutes_late,
                recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
             WHERE attendance_marks.code IS NOT excluded.code OR attendance_marks.minutes_late IS NOT excluded.minutes_late
             RETURNING student_id, date
            """);
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private static (SqliteConnection, SqliteTransaction) Open(CaseloadDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("The attendance merge must run inside the import's transaction.");
        return ((SqliteConnection)db.Database.GetDbConnection(), transaction);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}

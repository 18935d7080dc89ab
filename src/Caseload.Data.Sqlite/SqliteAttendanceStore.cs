using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Rules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Caseload.Data.Sqlite;

/// <summary>
/// Reads what is stored for each student over the file's dates and compares in memory (both sides sorted by key), so
/// an unchanged mark costs a read, not a write; then one prepared upsert per new or different mark, in the caller's
/// transaction (single-row prepared statements measured faster than multi-row ones on SQLite). The history trigger
/// keeps replaced values, and only the changed marks' weeks are recomputed.
/// </summary>
internal sealed class SqliteAttendanceStore : IAttendanceStore
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string InstantFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF"; // how EF Core's SQLite provider writes DateTime

    /// <summary>A file covers a few hundred dates at most: format each once, not once per mark.</summary>
    private sealed class DateTexts
    {
        private readonly Dictionary<DateOnly, string> _texts = [];

        public string this[DateOnly date] =>
            _texts.TryGetValue(date, out var text) ? text : _texts[date] = date.ToString(DateFormat, CultureInfo.InvariantCulture);
    }

    public async Task<MarkMergeResult> MergeAsync(CaseloadDbContext db, int institutionId, IReadOnlyList<MarkRow> rows, string actor, DateTime now, CancellationToken ct)
    {
        var (connection, transaction) = Open(db);
        var dates = new DateTexts();
        var changes = Compare(connection, transaction, rows, dates);
        var weeks = new HashSet<(int, DateOnly)>();
        var updated = 0;

        using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO attendance_marks (student_id, date, session, code, minutes_late, recorded_at, recorded_by)
                VALUES ($s, $d, $p, $c, $m, $at, $by)
                ON CONFLICT (student_id, date, session) DO UPDATE SET code = excluded.code, minutes_late = excluded.minutes_late,
                    recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
                """;
            var student = upsert.Parameters.Add("$s", SqliteType.Integer);
            var date = upsert.Parameters.Add("$d", SqliteType.Text);
            var session = upsert.Parameters.Add("$p", SqliteType.Text);
            var code = upsert.Parameters.Add("$c", SqliteType.Text);
            var late = upsert.Parameters.Add("$m", SqliteType.Integer);
            upsert.Parameters.Add("$at", SqliteType.Text).Value = now.ToString(InstantFormat, CultureInfo.InvariantCulture);
            upsert.Parameters.Add("$by", SqliteType.Text).Value = actor;
            upsert.Prepare();
            foreach (var (index, isNew) in changes)
            {
                var row = rows[index];
                student.Value = row.StudentId;
                date.Value = dates[row.Date];
                session.Value = row.Session;
                code.Value = row.Code;
                late.Value = row.MinutesLate is { } m ? m : DBNull.Value;
                upsert.ExecuteNonQuery();
                updated += isNew ? 0 : 1;
                weeks.Add((row.StudentId, Weeks.StartOf(row.Date)));
            }
        }
        ct.ThrowIfCancellationRequested();
        await RefreshAsync(connection, transaction, institutionId, weeks, ct);
        return new MarkMergeResult(changes.Count - updated, updated, rows.Count - changes.Count, weeks.Count);
    }

    /// <summary>
    /// The rows (by index) that are new or differ from what is stored. Rows are sorted by (student, date, session);
    /// each student's stored marks over the file's dates come back in the same order (dates as yyyy-MM-dd text and
    /// ASCII session ids sort the same in SQLite's BINARY collation as ordinally in .NET), so one pass compares them.
    /// </summary>
    private static List<(int Index, bool IsNew)> Compare(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<MarkRow> rows, DateTexts dates)
    {
        var changes = new List<(int, bool)>();
        if (rows.Count == 0)
        {
            return changes;
        }
        var from = rows.Min(r => r.Date).ToString(DateFormat, CultureInfo.InvariantCulture);
        var to = rows.Max(r => r.Date).ToString(DateFormat, CultureInfo.InvariantCulture);
        using var stored = connection.CreateCommand();
        stored.Transaction = transaction;
        stored.CommandText = """
            SELECT date, session, code, minutes_late FROM attendance_marks
            WHERE student_id = $s AND date BETWEEN $from AND $to ORDER BY date, session
            """;
        var studentParameter = stored.Parameters.Add("$s", SqliteType.Integer);
        stored.Parameters.Add("$from", SqliteType.Text).Value = from;
        stored.Parameters.Add("$to", SqliteType.Text).Value = to;
        stored.Prepare();

        var i = 0;
        while (i < rows.Count)
        {
            var studentId = rows[i].StudentId;
            studentParameter.Value = studentId;
            using var reader = stored.ExecuteReader();
            var hasStored = reader.Read();
            for (; i < rows.Count && rows[i].StudentId == studentId; i++)
            {
                var row = rows[i];
                var date = dates[row.Date];
                var order = 1;
                while (hasStored && (order = Order(reader.GetString(0), reader.GetString(1), date, row.Session)) < 0)
                {
                    hasStored = reader.Read();
                }
                if (!hasStored || order > 0)
                {
                    changes.Add((i, true));
                }
                else if (reader.GetString(2) != row.Code || (reader.IsDBNull(3) ? null : (short?)reader.GetInt32(3)) != row.MinutesLate)
                {
                    changes.Add((i, false));
                }
            }
        }
        return changes;
    }

    private static int Order(string storedDate, string storedSession, string date, string session)
    {
        var c = string.CompareOrdinal(storedDate, date);
        return c != 0 ? c : string.CompareOrdinal(storedSession, session);
    }

    public async Task<int> RebuildWeeksAsync(CaseloadDbContext db, int institutionId, CancellationToken ct)
    {
        var (connection, transaction) = Open(db);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM attendance_weeks WHERE student_id IN (SELECT id FROM students WHERE institution_id = @institution);
            """ + AttendanceWeeksSql.InsertGrouped("attendance_marks m JOIN students s ON s.id = m.student_id AND s.institution_id = @institution",
                "date(m.date, 'weekday 0', '-6 days')");
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

    private static (SqliteConnection, SqliteTransaction) Open(CaseloadDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("The attendance merge must run inside the import's transaction.");
        return ((SqliteConnection)db.Database.GetDbConnection(), transaction);
    }

}

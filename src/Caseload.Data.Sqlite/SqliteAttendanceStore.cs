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
/// keeps replaced values, and only the changed marks' weeks move, by what changed.
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
            foreach (var (index, isNew, _, _) in changes)
            {
                var row = rows[index];
                student.Value = row.StudentId;
                date.Value = dates[row.Date];
                session.Value = row.Session;
                code.Value = row.Code;
                late.Value = row.MinutesLate is { } m ? m : DBNull.Value;
                upsert.ExecuteNonQuery();
                updated += isNew ? 0 : 1;
            }
        }
        ct.ThrowIfCancellationRequested();
        var deltas = await ApplyChangesAsync(connection, transaction, institutionId, rows, changes, ct);
        return new MarkMergeResult(changes.Count - updated, updated, rows.Count - changes.Count, deltas.Count, deltas);
    }

    /// <summary>
    /// The rows (by index) that are new or differ from what is stored. Rows are sorted by (student, date, session);
    /// each student's stored marks over the file's dates come back in the same order (dates as yyyy-MM-dd text and
    /// ASCII session ids sort the same in SQLite's BINARY collation as ordinally in .NET), so one pass compares them.
    /// </summary>
    private static List<(int Index, bool IsNew, string? OldCode, int? OldLate)> Compare(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<MarkRow> rows, DateTexts dates)
    {
        var changes = new List<(int, bool, string?, int?)>();
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
                    changes.Add((i, true, null, null));
                }
                else if (reader.GetString(2) is var oldCode && (reader.IsDBNull(3) ? null : (int?)reader.GetInt32(3)) is var oldLate
                    && (oldCode != row.Code || oldLate != row.MinutesLate))
                {
                    changes.Add((i, false, oldCode, oldLate));
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
        command.CommandText = AttendanceWeeksSql.Replace("attendance_marks m JOIN students s ON s.id = m.student_id AND s.institution_id = @institution",
            "date(m.date, 'weekday 0', '-6 days')");
        command.Parameters.AddWithValue("@institution", institutionId);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Moves the changed marks' weeks by what changed (<see cref="AttendanceWeeksSql.ApplyChanges"/>): each mark written
    /// counts +1, the value a correction replaced −1, through a temporary table.
    /// </summary>
    private static async Task<List<WeekDelta>> ApplyChangesAsync(SqliteConnection connection, SqliteTransaction transaction, int institutionId,
        IReadOnlyList<MarkRow> rows, List<(int Index, bool IsNew, string? OldCode, int? OldLate)> changes, CancellationToken ct)
    {
        var deltas = new List<WeekDelta>();
        if (changes.Count == 0)
        {
            return deltas;
        }
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = """
                CREATE TEMP TABLE IF NOT EXISTS mark_changes (student_id INTEGER NOT NULL, week_start TEXT NOT NULL, code TEXT NOT NULL,
                    minutes_late INTEGER, sign INTEGER NOT NULL);
                DELETE FROM mark_changes;
                """;
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO mark_changes (student_id, week_start, code, minutes_late, sign) VALUES (@s, @w, @c, @m, @sign)";
            var s = insert.Parameters.Add("@s", SqliteType.Integer);
            var w = insert.Parameters.Add("@w", SqliteType.Text);
            var c = insert.Parameters.Add("@c", SqliteType.Text);
            var m = insert.Parameters.Add("@m", SqliteType.Integer);
            var sign = insert.Parameters.Add("@sign", SqliteType.Integer);
            insert.Prepare();
            var weeks = new DateTexts();
            foreach (var (index, isNew, oldCode, oldLate) in changes)
            {
                var row = rows[index];
                s.Value = row.StudentId;
                w.Value = weeks[Weeks.StartOf(row.Date)];
                (c.Value, m.Value, sign.Value) = (row.Code, row.MinutesLate is { } late ? late : DBNull.Value, 1);
                await insert.ExecuteNonQueryAsync(ct);
                if (!isNew)
                {
                    (c.Value, m.Value, sign.Value) = (oldCode!, oldLate is { } old ? old : DBNull.Value, -1);
                    await insert.ExecuteNonQueryAsync(ct);
                }
            }
        }
        await using var apply = connection.CreateCommand();
        apply.Transaction = transaction;
        apply.CommandText = AttendanceWeeksSql.ApplyChanges("SELECT student_id, week_start, code, minutes_late, sign FROM mark_changes");
        apply.Parameters.AddWithValue("@institution", institutionId);
        await using (var reader = await apply.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                deltas.Add(new WeekDelta(reader.GetInt32(0), DateOnly.ParseExact(reader.GetString(1), DateFormat, CultureInfo.InvariantCulture),
                    reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7),
                    reader.GetInt32(8), reader.GetInt32(9)));
            }
        }
        await using var drop = connection.CreateCommand();
        drop.Transaction = transaction;
        drop.CommandText = "DROP TABLE week_deltas; DELETE FROM mark_changes;";
        await drop.ExecuteNonQueryAsync(ct);
        return deltas;
    }

    private static (SqliteConnection, SqliteTransaction) Open(CaseloadDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("The attendance merge must run inside the import's transaction.");
        return ((SqliteConnection)db.Database.GetDbConnection(), transaction);
    }

}

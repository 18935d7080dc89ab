using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Caseload.Data.Postgres;

/// <summary>
/// Binary COPY into a staging table, then set-based statements in the caller's transaction: one anti-join finds
/// the marks that are new or different (so re-importing a file touches nothing), one upsert writes them in key
/// order (the history trigger keeps corrected values), and only their student-weeks are recomputed.
/// </summary>
internal sealed class PostgresAttendanceStore : IAttendanceStore
{
    /// <summary>A date's week's Monday by date arithmetic (the same day as <c>date_trunc('week', …)</c>, without a
    /// conversion to a timestamp with a time zone for every mark: about a tenth faster on a rebuild).</summary>
    private const string WeekOf = "(m.date - (EXTRACT(ISODOW FROM m.date)::int - 1))";

    public async Task<MarkMergeResult> MergeAsync(CaseloadDbContext db, int institutionId, IReadOnlyList<MarkRow> rows, string actor, DateTime now, CancellationToken ct)
    {
        var connection = Connection(db);
        // Room to sort and hash a million rows in memory, for this transaction only.
        await ExecuteAsync(connection, """
            SET LOCAL work_mem = '256MB';
            CREATE TEMP TABLE stage_marks (student_id integer NOT NULL, date date NOT NULL, session varchar(16) NOT NULL,
                code varchar(4) NOT NULL, minutes_late integer) ON COMMIT DROP;
            """, ct);

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY stage_marks (student_id, date, session, code, minutes_late) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.StudentId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(row.Date, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(row.Session, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(row.Code, NpgsqlDbType.Varchar, ct);
                if (row.MinutesLate is { } late)
                {
                    await copy.WriteAsync((int)late, NpgsqlDbType.Integer, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }
            }
            await copy.CompleteAsync(ct);
        }

        // Whole new weeks for these students (a first load, or a new week's registers) need no comparison with
        // what is stored, and their weekly totals come from the staged rows alone.
        var allNew = !await ScalarBoolAsync(connection, """
            SELECT EXISTS (SELECT 1 FROM attendance_marks m
                           WHERE m.student_id = ANY(SELECT DISTINCT student_id FROM stage_marks)
                             AND m.date >= (SELECT date_trunc('week', min(date))::date FROM stage_marks)
                             AND m.date < (SELECT date_trunc('week', max(date))::date + 7 FROM stage_marks))
            """, ct);
        var source = allNew ? "stage_marks" : "changed_marks";
        int inserted, updated, weeks;
        if (allNew)
        {
            // Rows arrive sorted by student and date, so each student's weeks come in order: no DISTINCT needed.
            await ExecuteAsync(connection, "CREATE TEMP TABLE affected_weeks (student_id integer NOT NULL, week_start date NOT NULL, week_end date NOT NULL) ON COMMIT DROP;", ct);
            weeks = 0;
            await using (var copy = await connection.BeginBinaryImportAsync("COPY affected_weeks FROM STDIN (FORMAT BINARY)", ct))
            {
                (int Student, DateOnly Week) last = (-1, default);
                foreach (var row in rows)
                {
                    var week = (row.StudentId, Weeks.StartOf(row.Date));
                    if (week == last)
                    {
                        continue;
                    }
                    last = week;
                    weeks++;
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(week.StudentId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(week.Item2, NpgsqlDbType.Date, ct);
                    await copy.WriteAsync(week.Item2.AddDays(7), NpgsqlDbType.Date, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await ExecuteAsync(connection, "ANALYZE affected_weeks;", ct);
            (inserted, updated) = (rows.Count, 0);
        }
        else
        {
            await using var changed = new NpgsqlCommand("""
                CREATE TEMP TABLE changed_marks ON COMMIT DROP AS
                    SELECT s.*, m.student_id IS NULL AS is_new
                    FROM stage_marks s
                    LEFT JOIN attendance_marks m ON m.student_id = s.student_id AND m.date = s.date AND m.session = s.session
                    WHERE m.student_id IS NULL OR m.code <> s.code OR m.minutes_late IS DISTINCT FROM s.minutes_late;
                CREATE TEMP TABLE affected_weeks ON COMMIT DROP AS
                    SELECT DISTINCT student_id, date_trunc('week', date)::date AS week_start, date_trunc('week', date)::date + 7 AS week_end
                    FROM changed_marks;
                ANALYZE affected_weeks;
                SELECT count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE NOT is_new), (SELECT count(*) FROM affected_weeks) FROM changed_marks;
                """, connection);
            await using var reader = await changed.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (inserted, updated, weeks) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
        }

        if (inserted + updated > 0)
        {
            await using var merge = new NpgsqlCommand($"""
                INSERT INTO attendance_marks (student_id, date, session, code, minutes_late, recorded_at, recorded_by)
                SELECT student_id, date, session, code, minutes_late, @now, @actor FROM {source}
                ORDER BY student_id, date, session
                """ + (allNew ? ";" : """

                ON CONFLICT (student_id, date, session) DO UPDATE
                    SET code = EXCLUDED.code, minutes_late = EXCLUDED.minutes_late,
                        recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by;
                """), connection);
            merge.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now);
            merge.Parameters.AddWithValue("actor", actor);
            await merge.ExecuteNonQueryAsync(ct);
            await using var refresh = new NpgsqlCommand(allNew
                ? AttendanceWeeksSql.InsertGrouped("stage_marks m", WeekOf)
                : AttendanceWeeksSql.DeleteAffected + AttendanceWeeksSql.InsertAffected, connection);
            refresh.Parameters.AddWithValue("institution", institutionId);
            await refresh.ExecuteNonQueryAsync(ct);
        }
        await ExecuteAsync(connection, $"DROP TABLE stage_marks, affected_weeks{(allNew ? "" : ", changed_marks")};", ct);
        return new MarkMergeResult(inserted, updated, rows.Count - inserted - updated, weeks);
    }

    public async Task<int> RebuildWeeksAsync(CaseloadDbContext db, int institutionId, CancellationToken ct)
    {
        var connection = Connection(db);
        await using var command = new NpgsqlCommand("""
            SET LOCAL jit = off;
            SET LOCAL work_mem = '256MB';
            DELETE FROM attendance_weeks WHERE student_id IN (SELECT id FROM students WHERE institution_id = @institution);
            """ + AttendanceWeeksSql.RebuildViaTemporaryTable("attendance_marks m JOIN students s ON s.id = m.student_id AND s.institution_id = @institution", WeekOf), connection);
        command.Parameters.AddWithValue("institution", institutionId);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlConnection Connection(CaseloadDbContext db) =>
        db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("The attendance merge must run inside the import's transaction.")
            : (NpgsqlConnection)db.Database.GetDbConnection();

    private static async Task<bool> ScalarBoolAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

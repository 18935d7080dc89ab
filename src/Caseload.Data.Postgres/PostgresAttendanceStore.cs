using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Caseload.Data.Postgres;

/// <summary>
/// Binary COPY into a staging table, then one set-based upsert in the caller's transaction. The upsert's WHERE
/// leaves identical marks untouched; its RETURNING records which rows changed (and whether each was new), so
/// only those students' weeks are recomputed.
/// </summary>
internal sealed class PostgresAttendanceStore : IAttendanceStore
{
    public async Task<MarkMergeResult> MergeAsync(CaseloadDbContext db, int institutionId, IReadOnlyList<MarkRow> rows, string actor, DateTime now, CancellationToken ct)
    {
        var connection = Connection(db);
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE stage_marks (student_id integer NOT NULL, date date NOT NULL, session varchar(16) NOT NULL,
                code varchar(4) NOT NULL, minutes_late integer) ON COMMIT DROP;
            CREATE TEMP TABLE changed_marks (student_id integer NOT NULL, date date NOT NULL, inserted boolean NOT NULL) ON COMMIT DROP;
            CREATE TEMP TABLE affected_weeks (student_id integer NOT NULL, week_start date NOT NULL, week_end date NOT NULL) ON COMMIT DROP;
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

        await using (var merge = new NpgsqlCommand("""
            WITH up AS (
                INSERT INTO attendance_marks (student_id, date, session, code, minutes_late, recorded_at, recorded_by)
                SELECT student_id, date, session, code, minutes_late, @now, @actor FROM stage_marks
                ON CONFLICT (student_id, date, session) DO UPDATE
                    SET code = EXCLUDED.code, minutes_late = EXCLUDED.minutes_late,
                        recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by
                    WHERE attendance_marks.code IS DISTINCT FROM EXCLUDED.code
                       OR attendance_marks.minutes_late IS DISTINCT FROM EXCLUDED.minutes_late
                RETURNING student_id, date, (xmax = 0) AS inserted)
            INSERT INTO changed_marks SELECT student_id, date, inserted FROM up;
            INSERT INTO affected_weeks
                SELECT DISTINCT student_id, date_trunc('week', date)::date, date_trunc('week', date)::date + 7 FROM changed_marks;
            """, connection))
        {
            merge.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now);
            merge.Parameters.AddWithValue("actor", actor);
            await merge.ExecuteNonQueryAsync(ct);
        }

        int inserted, updated, weeks;
        await using (var counts = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), (SELECT count(*) FROM affected_weeks) FROM changed_marks", connection))
        await using (var reader = await counts.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (inserted, updated, weeks) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
        }

        if (weeks > 0)
        {
            await using var refresh = new NpgsqlCommand(AttendanceWeeksSql.DeleteAffected + AttendanceWeeksSql.InsertAffected, connection);
            refresh.Parameters.AddWithValue("institution", institutionId);
            await refresh.ExecuteNonQueryAsync(ct);
        }
        await ExecuteAsync(connection, "DROP TABLE stage_marks, changed_marks, affected_weeks;", ct);
        return new MarkMergeResult(inserted, updated, rows.Count - inserted - updated, weeks);
    }

    public async Task<int> RebuildWeeksAsync(CaseloadDbContext db, int institutionId, CancellationToken ct)
    {
        var connection = Connection(db);
        await using var command = new NpgsqlCommand("""
            CREATE TEMP TABLE affected_weeks ON COMMIT DROP AS
                SELECT DISTINCT m.student_id, date_trunc('week', m.date)::date AS week_start, date_trunc('week', m.date)::date + 7 AS week_end
                FROM attendance_marks m JOIN students s ON s.id = m.student_id WHERE s.institution_id = @institution;
            DELETE FROM attendance_weeks WHERE student_id IN (SELECT id FROM students WHERE institution_id = @institution);
            """ + AttendanceWeeksSql.InsertAffected + "\nDROP TABLE affected_weeks;", connection);
        command.Parameters.AddWithValue("institution", institutionId);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlConnection Connection(CaseloadDbContext db) =>
        db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("The attendance merge must run inside the import's transaction.")
            : (NpgsqlConnection)db.Database.GetDbConnection();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Caseload.Data.Postgres;

/// <summary>
/// Binary COPY into a staging table, then set-based statements in the caller's transaction: one anti-join finds
/// the marks that are new or different (so re-importing a file touches nothing; skipped when the file's days hold no
/// marks yet), one upsert writes them in key order (the history trigger keeps corrected values), and their
/// student-weeks move by what changed (<see cref="AttendanceWeeksSql.ApplyChanges"/>).
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

        // Marks for days on which these students have none stored yet (a day's registers, a first load) are all new:
        // no comparison with what is stored. One probe of the key per student and day, not per mark, made in key order
        // (in hash order the same 4,000 probes took five times as long: each lands far from the one before).
        var anyStored = await ScalarBoolAsync(connection, """
            SELECT EXISTS (SELECT 1 FROM (SELECT DISTINCT student_id, date FROM stage_marks ORDER BY student_id, date) d
                           JOIN attendance_marks m ON m.student_id = d.student_id AND m.date = d.date)
            """, ct);
        int inserted, updated;
        string changes;
        if (!anyStored)
        {
            (inserted, updated) = (rows.Count, 0);
            changes = $"SELECT m.student_id, {WeekOf} AS week_start, m.code, m.minutes_late, 1 AS sign FROM stage_marks m";
        }
        else
        {
            await using var changed = new NpgsqlCommand("""
                CREATE TEMP TABLE changed_marks ON COMMIT DROP AS
                    SELECT s.*, m.student_id IS NULL AS is_new, m.code AS old_code, m.minutes_late AS old_late
                    FROM stage_marks s
                    LEFT JOIN attendance_marks m ON m.student_id = s.student_id AND m.date = s.date AND m.session = s.session
                    WHERE m.student_id IS NULL OR m.code <> s.code OR m.minutes_late IS DISTINCT FROM s.minutes_late;
                SELECT count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE NOT is_new) FROM changed_marks;
                """, connection);
            await using (var reader = await changed.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                (inserted, updated) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
            }
            changes = $"""
                SELECT m.student_id, {WeekOf} AS week_start, m.code, m.minutes_late, 1 AS sign FROM changed_marks m
                UNION ALL
                SELECT m.student_id, {WeekOf}, m.old_code, m.old_late, -1 FROM changed_marks m WHERE NOT m.is_new
                """;
        }

        var deltas = new List<WeekDelta>();
        if (inserted + updated > 0)
        {
            await using var merge = new NpgsqlCommand($"""
                INSERT INTO attendance_marks (student_id, date, session, code, minutes_late, recorded_at, recorded_by)
                SELECT student_id, date, session, code, minutes_late, @now, @actor FROM {(anyStored ? "changed_marks" : "stage_marks")}
                ORDER BY student_id, date, session
                """ + (!anyStored ? ";" : """

                ON CONFLICT (student_id, date, session) DO UPDATE
                    SET code = EXCLUDED.code, minutes_late = EXCLUDED.minutes_late,
                        recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by;
                """), connection);
            merge.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now);
            merge.Parameters.AddWithValue("actor", actor);
            await merge.ExecuteNonQueryAsync(ct);
            await using var refresh = new NpgsqlCommand(AttendanceWeeksSql.ApplyChanges(changes), connection);
            refresh.Parameters.AddWithValue("institution", institutionId);
            await using var reader = await refresh.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                deltas.Add(new WeekDelta(reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
                    (int)reader.GetInt64(4), (int)reader.GetInt64(5), (int)reader.GetInt64(6), (int)reader.GetInt64(7), (int)reader.GetInt64(8), (int)reader.GetInt64(9)));
            }
        }
        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS stage_marks, changed_marks, week_deltas;", ct);
        return new MarkMergeResult(inserted, updated, rows.Count - inserted - updated, deltas.Count, deltas);
    }

    public async Task<int> RebuildWeeksAsync(CaseloadDbContext db, int institutionId, CancellationToken ct)
    {
        var connection = Connection(db);
        await using var command = new NpgsqlCommand("""
            SET LOCAL jit = off;
            SET LOCAL work_mem = '256MB';
            """ + AttendanceWeeksSql.Rebuild("attendance_marks m JOIN students s ON s.id = m.student_id AND s.institution_id = @institution", WeekOf), connection);
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

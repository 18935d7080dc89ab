namespace Caseload.Data.Sqlite;

/// <summary>SQLite-only schema that EF Core's migration builder cannot express.</summary>
public static class SqliteSchema
{
    /// <summary>
    /// The register marks, clustered on (student_id, date, session) with WITHOUT ROWID: one B-tree to maintain
    /// instead of a rowid table plus its primary-key index. Same columns and key as the EF model.
    /// Note: a future migration that makes EF rebuild this table must keep WITHOUT ROWID.
    /// </summary>
    public const string AttendanceMarksTable = """
        CREATE TABLE attendance_marks (
            student_id INTEGER NOT NULL,
            date TEXT NOT NULL,
            session TEXT NOT NULL,
            code TEXT NOT NULL,
            minutes_late INTEGER NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            CONSTRAINT pk_attendance_marks PRIMARY KEY (student_id, date, session)
        ) WITHOUT ROWID;
        """;
}

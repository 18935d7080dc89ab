namespace Caseload.Core.Data;

/// <summary>
/// Corrections to marks and grades keep the previous value in the database itself, so no door (import, page,
/// API, a hand-written SQL fix) can change one without leaving the old value, who changed it and when.
/// Each provider's initial migration installs these.
/// </summary>
public static class HistoryTriggers
{
    public const string AttendanceMarkTrigger = "trg_attendance_marks_history";
    public const string AssessmentGradeTrigger = "trg_assessment_grades_history";

    public const string Sqlite = """
        CREATE TRIGGER trg_attendance_marks_history AFTER UPDATE OF code, minutes_late ON attendance_marks
        FOR EACH ROW WHEN OLD.code IS NOT NEW.code OR OLD.minutes_late IS NOT NEW.minutes_late
        BEGIN
            INSERT INTO attendance_mark_changes (student_id, date, session, previous_code, previous_minutes_late,
                previous_recorded_at, previous_recorded_by, new_code, new_minutes_late, changed_at, changed_by)
            VALUES (OLD.student_id, OLD.date, OLD.session, OLD.code, OLD.minutes_late,
                OLD.recorded_at, OLD.recorded_by, NEW.code, NEW.minutes_late, NEW.recorded_at, NEW.recorded_by);
        END;
        CREATE TRIGGER trg_assessment_grades_history AFTER UPDATE OF grade ON assessment_grades
        FOR EACH ROW WHEN OLD.grade IS NOT NEW.grade
        BEGIN
            INSERT INTO assessment_grade_changes (assessment_grade_id, previous_grade, previous_recorded_at,
                previous_recorded_by, new_grade, changed_at, changed_by)
            VALUES (OLD.id, OLD.grade, OLD.recorded_at, OLD.recorded_by, NEW.grade, NEW.recorded_at, NEW.recorded_by);
        END;
        """;

    public const string Postgres = """
        CREATE FUNCTION attendance_marks_history() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO attendance_mark_changes (student_id, date, session, previous_code, previous_minutes_late,
                previous_recorded_at, previous_recorded_by, new_code, new_minutes_late, changed_at, changed_by)
            VALUES (OLD.student_id, OLD.date, OLD.session, OLD.code, OLD.minutes_late,
                OLD.recorded_at, OLD.recorded_by, NEW.code, NEW.minutes_late, NEW.recorded_at, NEW.recorded_by);
            RETURN NULL;
        END $$;
        CREATE TRIGGER trg_attendance_marks_history AFTER UPDATE ON attendance_marks
        FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.minutes_late IS DISTINCT FROM NEW.minutes_late)
        EXECUTE FUNCTION attendance_marks_history();

        CREATE FUNCTION assessment_grades_history() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO assessment_grade_changes (assessment_grade_id, previous_grade, previous_recorded_at,
                previous_recorded_by, new_grade, changed_at, changed_by)
            VALUES (OLD.id, OLD.grade, OLD.recorded_at, OLD.recorded_by, NEW.grade, NEW.recorded_at, NEW.recorded_by);
            RETURN NULL;
        END $$;
        CREATE TRIGGER trg_assessment_grades_history AFTER UPDATE ON assessment_grades
        FOR EACH ROW WHEN (OLD.grade IS DISTINCT FROM NEW.grade)
        EXECUTE FUNCTION assessment_grades_history();
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS trg_attendance_marks_history;
        DROP TRIGGER IF EXISTS trg_assessment_grades_history;
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS trg_attendance_marks_history ON attendance_marks;
        DROP FUNCTION IF EXISTS attendance_marks_history();
        DROP TRIGGER IF EXISTS trg_assessment_grades_history ON assessment_grades;
        DROP FUNCTION IF EXISTS assessment_grades_history();
        """;
}

namespace Caseload.Core.Features.Attendance;

/// <summary>
/// The weekly-summary refresh, written once for both databases: it recomputes exactly the student-weeks listed in
/// a temporary <c>affected_weeks(student_id, week_start, week_end)</c> table from the marks and the code table.
/// CASE expressions rather than FILTER or boolean sums keep it portable.
/// </summary>
public static class AttendanceWeeksSql
{
    public const string DeleteAffected = """
        DELETE FROM attendance_weeks
        WHERE EXISTS (SELECT 1 FROM affected_weeks k
                      WHERE k.student_id = attendance_weeks.student_id AND k.week_start = attendance_weeks.week_start);
        """;

    /// <summary>Parameter <c>@institution</c>: whose code table classifies the marks.</summary>
    public const string InsertAffected = """
        INSERT INTO attendance_weeks (student_id, week_start, possible, present, approved_activity, authorised_absence,
            unauthorised_absence, not_possible, lates, minutes_late, unclassified)
        SELECT k.student_id, k.week_start,
            SUM(CASE WHEN c.meaning <= 3 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning = 0 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning = 1 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning = 2 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning = 3 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning >= 4 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.is_late THEN 1 ELSE 0 END),
            SUM(COALESCE(m.minutes_late, 0)),
            SUM(CASE WHEN c.code IS NULL THEN 1 ELSE 0 END)
        FROM affected_weeks k
        JOIN attendance_marks m ON m.student_id = k.student_id AND m.date >= k.week_start AND m.date < k.week_end
        LEFT JOIN attendance_codes c ON c.institution_id = @institution AND c.code = m.code
        GROUP BY k.student_id, k.week_start;
        """;
}

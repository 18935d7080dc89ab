namespace Caseload.Core.Data;

/// <summary>
/// The weekly-summary SQL, written once for both databases. CASE expressions rather than FILTER or boolean sums
/// keep it portable; the only provider difference, how a date becomes its week's Monday, is passed in.
/// </summary>
public static class AttendanceWeeksSql
{
    private const string Columns = "student_id, week_start, possible, present, approved_activity, authorised_absence, " +
        "unauthorised_absence, not_possible, lates, lates_after_close, minutes_late, unclassified";

    /// <summary>Totals of marks <c>m</c> classified by codes <c>c</c> (a LEFT JOIN: an unknown code counts as unclassified).</summary>
    private const string Sums = """
        SUM(CASE WHEN c.meaning <= 3 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning = 0 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning = 1 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning = 2 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning = 3 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.meaning >= 4 THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.is_late THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.is_late AND c.meaning = 3 THEN 1 ELSE 0 END),
            SUM(COALESCE(m.minutes_late, 0)),
            SUM(CASE WHEN c.code IS NULL THEN 1 ELSE 0 END)
        """;

    /// <summary>Deletes the summaries of the student-weeks listed in a temporary <c>affected_weeks</c> table.</summary>
    public const string DeleteAffected = """
        DELETE FROM attendance_weeks
        WHERE EXISTS (SELECT 1 FROM affected_weeks k
                      WHERE k.student_id = attendance_weeks.student_id AND k.week_start = attendance_weeks.week_start);

        """;

    /// <summary>
    /// Recomputes the student-weeks listed in <c>affected_weeks(student_id, week_start, week_end)</c> from the
    /// stored marks. Parameter <c>@institution</c>: whose code table classifies them.
    /// </summary>
    public const string InsertAffected = $"""
        INSERT INTO attendance_weeks ({Columns})
        SELECT k.student_id, k.week_start,
            {Sums}
        FROM affected_weeks k
        JOIN attendance_marks m ON m.student_id = k.student_id AND m.date >= k.week_start AND m.date < k.week_end
        LEFT JOIN attendance_codes c ON c.institution_id = @institution AND c.code = m.code
        GROUP BY k.student_id, k.week_start;

        """;

    /// <summary>
    /// Computes summaries by grouping a whole set of marks (<paramref name="from"/> must alias the marks <c>m</c>)
    /// by student and <paramref name="weekOfDate"/>: for rebuilds, and for loads of whole new weeks.
    /// </summary>
    public static string InsertGrouped(string from, string weekOfDate) => $"""
        INSERT INTO attendance_weeks ({Columns})
        {SelectGrouped(from, weekOfDate)};

        """;

    /// <summary>
    /// PostgreSQL does not run an INSERT's SELECT in parallel, but does a CREATE TABLE AS: a rebuild groups the marks into
    /// a temporary table first (about twice as fast on two cores), then copies it in.
    /// </summary>
    public static string RebuildViaTemporaryTable(string from, string weekOfDate) => $"""
        CREATE TEMPORARY TABLE rebuilt_weeks ({Columns}) ON COMMIT DROP AS
        {SelectGrouped(from, weekOfDate)};
        INSERT INTO attendance_weeks ({Columns}) SELECT * FROM rebuilt_weeks;

        """;

    private static string SelectGrouped(string from, string weekOfDate) => $"""
        SELECT m.student_id, {weekOfDate},
            {Sums}
        FROM {from}
        LEFT JOIN attendance_codes c ON c.institution_id = @institution AND c.code = m.code
        GROUP BY m.student_id, {weekOfDate}
        """;
}

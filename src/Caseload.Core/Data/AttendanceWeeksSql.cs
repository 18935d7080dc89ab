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

    /// <summary>The same totals, each mark counted with its <c>x.sign</c> (+1 for a mark written, −1 for the value it replaced).</summary>
    private const string SignedSums = """
        SUM(x.sign * CASE WHEN c.meaning <= 3 THEN 1 ELSE 0 END) AS possible,
            SUM(x.sign * CASE WHEN c.meaning = 0 THEN 1 ELSE 0 END) AS present,
            SUM(x.sign * CASE WHEN c.meaning = 1 THEN 1 ELSE 0 END) AS approved_activity,
            SUM(x.sign * CASE WHEN c.meaning = 2 THEN 1 ELSE 0 END) AS authorised_absence,
            SUM(x.sign * CASE WHEN c.meaning = 3 THEN 1 ELSE 0 END) AS unauthorised_absence,
            SUM(x.sign * CASE WHEN c.meaning >= 4 THEN 1 ELSE 0 END) AS not_possible,
            SUM(x.sign * CASE WHEN c.is_late THEN 1 ELSE 0 END) AS lates,
            SUM(x.sign * CASE WHEN c.is_late AND c.meaning = 3 THEN 1 ELSE 0 END) AS lates_after_close,
            SUM(x.sign * COALESCE(x.minutes_late, 0)) AS minutes_late,
            SUM(x.sign * CASE WHEN c.code IS NULL THEN 1 ELSE 0 END) AS unclassified
        """;

    /// <summary>
    /// Keeps the weekly summaries up to date from the marks an import changed, without reading the week's other marks:
    /// <paramref name="changes"/> is a query of <c>(student_id, week_start, code, minutes_late, sign)</c> giving each
    /// mark written with sign +1 and, for a corrected mark, the value it replaced with sign −1. Their classified totals
    /// are added to the stored weeks (a week not yet stored is inserted) and left in a temporary <c>week_deltas</c>
    /// table, which the caller reads (each student's summary is moved by the same amounts) and drops. Exact because
    /// marks are never deleted and every change to them goes through an import; a change to the code table rebuilds.
    /// Parameter <c>@institution</c>: whose code table classifies them.
    /// </summary>
    public static string ApplyChanges(string changes) => $"""
        DROP TABLE IF EXISTS week_deltas;
        CREATE TEMP TABLE week_deltas AS
        SELECT x.student_id, x.week_start,
            {SignedSums}
        FROM ({changes}) x
        LEFT JOIN attendance_codes c ON c.institution_id = @institution AND c.code = x.code
        GROUP BY x.student_id, x.week_start;
        INSERT INTO attendance_weeks ({Columns})
        SELECT {Columns} FROM week_deltas WHERE true ORDER BY student_id, week_start
        ON CONFLICT (student_id, week_start) DO UPDATE SET
            possible = attendance_weeks.possible + excluded.possible,
            present = attendance_weeks.present + excluded.present,
            approved_activity = attendance_weeks.approved_activity + excluded.approved_activity,
            authorised_absence = attendance_weeks.authorised_absence + excluded.authorised_absence,
            unauthorised_absence = attendance_weeks.unauthorised_absence + excluded.unauthorised_absence,
            not_possible = attendance_weeks.not_possible + excluded.not_possible,
            lates = attendance_weeks.lates + excluded.lates,
            lates_after_close = attendance_weeks.lates_after_close + excluded.lates_after_close,
            minutes_late = attendance_weeks.minutes_late + excluded.minutes_late,
            unclassified = attendance_weeks.unclassified + excluded.unclassified;
        SELECT student_id, week_start, possible, present, approved_activity, authorised_absence, unauthorised_absence,
            lates, lates_after_close, minutes_late FROM week_deltas;

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

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Caseload.Core.Features.Analytics;

/// <summary>
/// Builds <see cref="StudentSummary"/> rows: each student's attendance this year and term (from the weekly summaries,
/// never the raw marks), the trend, progress against target at the latest data point and the change since the one
/// before, behaviour, overdue reasons, and the early-warning score with its reasons (<see cref="RiskScore"/>).
/// Called for the students a change touched (inside the change's transaction, so nothing reads half an update), for
/// everyone once a day, and by <c>caseload risk recompute</c>. A fixed number of queries whatever the number of students.
/// </summary>
public static partial class StudentSummaries
{
    private static readonly SemaphoreSlim Writing = new(1, 1);

    /// <summary>Recomputes the given students (all on-roll students of the institution when <paramref name="studentIds"/> is null).</summary>
    public static async Task<int> RecomputeAsync(CaseloadDbContext db, int institutionId, IReadOnlyCollection<int>? studentIds, DateOnly today, DateTime now, CancellationToken ct = default,
        IDictionary<string, double>? timings = null)
    {
        if (studentIds is { Count: 0 })
        {
            return 0;
        }
        var summaries = await ComputeAsync(db, institutionId, studentIds, today, now, ct, timings);
        await WriteAsync(db, institutionId, summaries, replaceAll: studentIds is null, ct, timings);
        return summaries.Count;
    }

    /// <summary>Writes summaries (upserts), in the caller's transaction or one of its own; with <paramref name="replaceAll"/>
    /// the institution's other summaries (students who left the roll) are deleted.</summary>
    private static async Task WriteAsync(CaseloadDbContext db, int institutionId, List<StudentSummary> summaries, bool replaceAll, CancellationToken ct,
        IDictionary<string, double>? timings)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Writing.WaitAsync(ct);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await db.Database.OpenConnectionAsync(ct);
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using (own)
            {
                // Each row replaces the student's previous one (an upsert: cheaper than deleting every row and inserting
                // it again, which checked each row's foreign key).
                await InsertAsync(db, summaries, ct);
                if (timings is not null)
                {
                    timings["insert"] = watch.Elapsed.TotalMilliseconds;
                    watch.Restart();
                }
                if (replaceAll)
                {
                    // Students no longer on the roll (everyone on it was just written).
                    var written = summaries.Select(s => s.StudentId).ToHashSet();
                    var left = await db.StudentSummaries.Where(s => s.InstitutionId == institutionId).Select(s => s.StudentId).ToListAsync(ct);
                    var gone = left.Where(id => !written.Contains(id)).ToList();
                    foreach (var chunk in gone.Chunk(1_000))
                    {
                        await db.StudentSummaries.Where(s => chunk.Contains(s.StudentId)).ExecuteDeleteAsync(ct);
                    }
                }
                if (timings is not null)
                {
                    timings["delete"] = watch.Elapsed.TotalMilliseconds;
                    watch.Restart();
                }
                if (own is not null)
                {
                    await own.CommitAsync(ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
            Writing.Release();
        }
    }

    /// <summary>
    /// Writes summaries straight through ADO.NET, the columns read from the EF model: EF Core's change tracker took about
    /// a second for 4,000 of them. PostgreSQL gets every row in one statement (<see cref="UpsertUnnestAsync"/>); SQLite, in
    /// process, one prepared single-row INSERT OR REPLACE executed for each row (binding thousands of named parameters in
    /// one statement is slow there). Derived rows, so nothing is audited. Runs on the context's open connection and transaction.
    /// </summary>
    private static async Task InsertAsync(CaseloadDbContext db, List<StudentSummary> summaries, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(StudentSummary))!;
        var table = entity.GetTableName()!;
        var columns = entity.GetProperties().Select(p => (Name: p.GetColumnName(), Property: p.PropertyInfo!)).ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.IsPostgres)
        {
            await UpsertUnnestAsync(db, entity, table, summaries, connection, transaction, ct);
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var c = 0; c < columns.Count; c++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{c}";
            command.Parameters.Add(parameter);
        }
        command.CommandText = $"INSERT OR REPLACE INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        foreach (var row in summaries)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                command.Parameters[c].Value = columns[c].Property.GetValue(row) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// PostgreSQL: every row in one statement — a typed array per column, turned back into rows by <c>unnest</c> and
    /// upserted in one round trip. Measured for 4,000 summaries (bench/analytics-bench.sh): 50–89 ms, against 135–205 ms
    /// for the 40 multi-row INSERTs of 100 rows it replaced.
    /// </summary>
    private static async Task UpsertUnnestAsync(CaseloadDbContext db, Microsoft.EntityFrameworkCore.Metadata.IEntityType entity, string table,
        List<StudentSummary> summaries, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken ct)
    {
        if (summaries.Count == 0)
        {
            return;
        }
        var rows = summaries.OrderBy(s => s.StudentId).ToList();
        var properties = entity.GetProperties().ToList();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var arrays = new List<string>();
        for (var c = 0; c < properties.Count; c++)
        {
            var info = properties[c].PropertyInfo!;
            var values = Array.CreateInstance(info.PropertyType, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                values.SetValue(info.GetValue(rows[r]), r);
            }
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@a{c}";
            parameter.Value = values;
            command.Parameters.Add(parameter);
            arrays.Add($"@a{c}::{properties[c].GetColumnType()}[]");
        }
        var names = properties.Select(p => p.GetColumnName()).ToList();
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", names)}) SELECT * FROM unnest({string.Join(", ", arrays)}) "
            + $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", names.Where(n => n != key).Select(n => $"{n} = EXCLUDED.{n}"))}";
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// After a change to a student's casework (a case opened, moved, closed or deleted; a referral raised or closed):
    /// recomputes their summary when the institution's weights count casework — with the default weights (0) the score
    /// reads no casework, so nothing changes and nothing is read.
    /// </summary>
    public static async Task CaseworkChangedAsync(CaseloadDbContext db, int institutionId, int studentId, DateOnly today, DateTime now, CancellationToken ct = default)
    {
        if ((await WeightsAsync(db, institutionId, ct))["casework"] != 0)
        {
            await RecomputeAsync(db, institutionId, [studentId], today, now, ct);
        }
    }

    /// <summary>
    /// Makes sure the given students' summaries are for <paramref name="today"/>: computes the ones that are missing or
    /// from an earlier day (figures such as "this term" and "the last four weeks" move with the date).
    /// </summary>
    public static async Task EnsureCurrentAsync(CaseloadDbContext db, int institutionId, IReadOnlyCollection<int> studentIds, DateOnly today, DateTime now, CancellationToken ct = default)
    {
        var current = new HashSet<int>();
        foreach (var chunk in studentIds.Chunk(10_000))
        {
            current.UnionWith(await db.StudentSummaries.AsNoTracking().Where(s => chunk.Contains(s.StudentId) && s.AsOf == today).Select(s => s.StudentId).ToListAsync(ct));
        }
        var stale = studentIds.Where(id => !current.Contains(id)).ToList();
        if (stale.Count == 0)
        {
            return;
        }
        // Upserts: two requests bringing the same student up to date at once both write the same row, harmlessly.
        await RecomputeAsync(db, institutionId, stale, today, now, ct);
    }

    /// <param name="timings">When given, receives each step's milliseconds (for the benchmark).</param>
    /// <param name="lookBack">When given, computes as of <paramref name="today"/> looking back (<c>caseload risk evaluate|fit
    /// --as-of</c>) and fills it with each student's inputs; the summaries returned are then not to be stored. Looking back,
    /// students who have since left count too, and nothing recorded after the day is read: attendance in whole weeks ended
    /// by then for a day before today (a week's totals cannot be split, so up to 6 days before the day are left out rather
    /// than any after it),
    /// grades at data points dated by then, behaviour, casework and indicator values dated by then. Flags and prior
    /// attainment are as they are now (no history of them is kept); so is whether an absence still awaits its reason.</param>
    public static async Task<List<StudentSummary>> ComputeAsync(CaseloadDbContext db, int institutionId, IReadOnlyCollection<int>? studentIds, DateOnly today, DateTime now, CancellationToken ct,
        IDictionary<string, double>? timings = null, Dictionary<int, RiskInputs>? lookBack = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string step)
        {
            if (timings is not null)
            {
                timings[step] = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
            }
        }
        var (yearStart, termStart, recentStart, previousStart) = await WindowsAsync(db, institutionId, today, ct);
        var weights = await WeightsAsync(db, institutionId, ct);

        var onRoll = lookBack is null ? db.Students.Where(s => s.InstitutionId == institutionId && s.OnRoll) : db.Students.Where(s => s.InstitutionId == institutionId);
        // Looking back, only weeks that had ended by the day (a week's totals may hold later days' marks).
        var lastWeek = lookBack is null || today >= DateOnly.FromDateTime(now) ? today : today.AddDays(-6);
        // Thousands of ids in a query cost more than reading the whole institution and keeping the ones asked for
        // (a day's marks for everyone touches every student).
        var wanted = studentIds is { Count: > 500 } many ? many.ToHashSet() : null;
        var students = studentIds is null || wanted is not null ? onRoll : onRoll.Where(s => studentIds.Contains(s.Id));
        var ids = students.Select(s => s.Id);
        var people = await students.AsNoTracking()
            .Select(s => new { s.Id, s.Disadvantaged, s.Send, s.Ehcp, s.LookedAfter, s.YoungCarer, s.Eal, s.MostAble, s.PriorAttainment })
            .ToListAsync(ct);

        Lap("people");
        var attendance = await db.AttendanceWeeks.AsNoTracking()
            .Where(w => ids.Contains(w.StudentId) && w.WeekStart >= yearStart && w.WeekStart <= lastWeek)
            .GroupBy(w => w.StudentId)
            .Select(g => new
            {
                StudentId = g.Key,
                Year = new Totals(g.Sum(w => w.Possible), g.Sum(w => w.Present), g.Sum(w => w.ApprovedActivity), g.Sum(w => w.AuthorisedAbsence),
                    g.Sum(w => w.UnauthorisedAbsence), g.Sum(w => w.Lates), g.Sum(w => w.LatesAfterClose), g.Sum(w => w.MinutesLate)),
                Term = new Totals(
                    g.Sum(w => w.WeekStart >= termStart ? w.Possible : 0), g.Sum(w => w.WeekStart >= termStart ? w.Present : 0),
                    g.Sum(w => w.WeekStart >= termStart ? w.ApprovedActivity : 0), g.Sum(w => w.WeekStart >= termStart ? w.AuthorisedAbsence : 0),
                    g.Sum(w => w.WeekStart >= termStart ? w.UnauthorisedAbsence : 0), g.Sum(w => w.WeekStart >= termStart ? w.Lates : 0),
                    g.Sum(w => w.WeekStart >= termStart ? w.LatesAfterClose : 0), g.Sum(w => w.WeekStart >= termStart ? w.MinutesLate : 0)),
                RecentPossible = g.Sum(w => w.WeekStart >= recentStart ? w.Possible : 0),
                RecentAttended = g.Sum(w => w.WeekStart >= recentStart ? w.Present + w.ApprovedActivity : 0),
                PreviousPossible = g.Sum(w => w.WeekStart >= previousStart && w.WeekStart < recentStart ? w.Possible : 0),
                PreviousAttended = g.Sum(w => w.WeekStart >= previousStart && w.WeekStart < recentStart ? w.Present + w.ApprovedActivity : 0),
            })
            .ToDictionaryAsync(x => x.StudentId, ct);

        Lap("attendance");
        var progress = await ProgressAsync(db, institutionId, ids, today, ct);

        Lap("progress");
        var overdue = await OverdueAsync(db, ids, yearStart, today, ct);

        Lap("overdue");
        var behaviour = await db.BehaviourEvents.AsNoTracking()
            .Where(e => ids.Contains(e.StudentId) && e.Date >= termStart && e.Date <= today)
            .GroupBy(e => e.StudentId)
            .Select(g => new { StudentId = g.Key, Points = g.Sum(e => e.Points) })
            .ToDictionaryAsync(x => x.StudentId, x => x.Points, ct);

        Lap("behaviour");
        // Casework weighs 0 by default: read only when it counts, or when looking back (the fit may weigh it).
        var casework = lookBack is not null || weights["casework"] != 0;
        var cases = !casework ? [] : await db.InterventionCases.AsNoTracking()
            .Where(c => ids.Contains(c.StudentId) && c.DeletedAt == null && c.OpenedOn <= today && (c.Status == CaseStatus.Open || c.ClosedOn > today))
            .GroupBy(c => c.StudentId).Select(g => new { StudentId = g.Key, Stage = g.Max(c => c.Stage) })
            .ToDictionaryAsync(x => x.StudentId, x => x.Stage, ct);
        var endOfDay = today.AddDays(1).ToDateTime(TimeOnly.MinValue);
        // Restricted (safeguarding) referrals never count: the score and its reasons are seen by tutors.
        var referrals = !casework ? [] : await db.Referrals.AsNoTracking()
            .Where(r => ids.Contains(r.StudentId) && !r.Restricted && r.DeletedAt == null && r.RaisedAt < endOfDay && (r.ClosedAt == null || r.ClosedAt >= endOfDay))
            .GroupBy(r => r.StudentId).Select(g => new { StudentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.StudentId, x => x.Count, ct);
        var indicators = await IndicatorsAsync(db, institutionId, ids, today, ct);

        Lap("casework");
        var chosen = people.Where(p => wanted is null || wanted.Contains(p.Id)).ToList();
        var made = new (RiskInputs Inputs, StudentSummary Summary)[chosen.Count];
        // Each student's score stands alone: spread over the cores (scoring and writing its reasons is most of this step).
        Parallel.For(0, chosen.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var p = chosen[i];
            var a = attendance.GetValueOrDefault(p.Id);
            var year = a?.Year.Figures ?? AttendanceFigures.Empty;
            var term = a?.Term.Figures ?? AttendanceFigures.Empty;
            var (recentPossible, recentAttended, previousPossible, previousAttended) = a is null ? default : (a.RecentPossible, a.RecentAttended, a.PreviousPossible, a.PreviousAttended);
            var trend = Trend(recentPossible, recentAttended, previousPossible, previousAttended);
            var g = progress.GetValueOrDefault(p.Id) ?? new StudentProgress();
            var due = overdue.GetValueOrDefault(p.Id);
            var points = behaviour.GetValueOrDefault(p.Id);
            var flags = StudentFlags.Describe(p.Disadvantaged, p.Send, p.Ehcp, p.LookedAfter, p.YoungCarer, p.Eal, p.MostAble);
            var inputs = new RiskInputs(year, term, trend, points, g.Margins, g.Fallen, g.Dropped, g.DroppedSubject, flags, due?.Count ?? 0)
            {
                PriorAttainment = p.PriorAttainment,
                CaseStage = cases.GetValueOrDefault(p.Id),
                OpenReferrals = referrals.GetValueOrDefault(p.Id),
                Indicators = indicators.GetValueOrDefault(p.Id) ?? [],
            };
            var risk = RiskScore.Assess(inputs, weights);
            made[i] = (inputs, new StudentSummary
            {
                RecentPossible = recentPossible,
                RecentAttended = recentAttended,
                PreviousPossible = previousPossible,
                PreviousAttended = previousAttended,
                RiskInputs = StoredInputs.Of(inputs),
                StudentId = p.Id,
                InstitutionId = institutionId,
                AsOf = today,
                ComputedAt = now,
                YearPossible = year.Possible,
                YearPresent = year.Present,
                YearApproved = year.ApprovedActivity,
                YearAuthorised = year.AuthorisedAbsence,
                YearUnauthorised = year.UnauthorisedAbsence,
                YearLates = year.Lates,
                YearLatesAfterClose = year.LatesAfterClose,
                YearMinutesLate = year.MinutesLate,
                TermPossible = term.Possible,
                TermPresent = term.Present,
                TermApproved = term.ApprovedActivity,
                TermAuthorised = term.AuthorisedAbsence,
                TermUnauthorised = term.UnauthorisedAbsence,
                TermLates = term.Lates,
                TermLatesAfterClose = term.LatesAfterClose,
                TermMinutesLate = term.MinutesLate,
                AttendanceTrend = trend,
                SubjectsGraded = g.Graded,
                SubjectsBelow = g.Below,
                WorstGap = g.WorstGap,
                WorstSubject = g.WorstSubject,
                SubjectsDropped = g.Dropped,
                DroppedSubject = g.DroppedSubject,
                BehaviourTerm = points,
                ReasonsOverdue = due?.Count ?? 0,
                OldestReasonOverdue = due?.Oldest,
                RiskScore = risk.Score,
                RiskPoints = risk.Points,
                RiskReasons = string.Join("\n", risk.Factors.Select(f => f.Words)),
            });
        });
        if (lookBack is not null)
        {
            foreach (var (inputs, summary) in made)
            {
                lookBack.Add(summary.StudentId, inputs);
            }
        }
        Lap("score");
        return [.. made.Select(m => m.Summary)];
    }

    /// <summary>Where this year, this term, the last four weeks and the four before begin (each a week's Monday).</summary>
    private static async Task<(DateOnly Year, DateOnly Term, DateOnly Recent, DateOnly Previous)> WindowsAsync(CaseloadDbContext db, int institutionId, DateOnly today, CancellationToken ct)
    {
        var calendar = await AcademicCalendar.ForAsync(db, institutionId, today, ct);
        var recentStart = Weeks.StartOf(today).AddDays(-28);
        return (Weeks.FirstOf(calendar.YearStart), Weeks.FirstOf(calendar.TermStart), recentStart, recentStart.AddDays(-28));
    }

    private static async Task<RiskWeights> WeightsAsync(CaseloadDbContext db, int institutionId, CancellationToken ct) =>
        RiskWeights.FromStored(await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.RiskWeights).FirstOrDefaultAsync(ct));

    private sealed record Overdue(int StudentId, int Count, DateOnly Oldest);

    /// <summary>Absences still "N" after 5 school days, per student (a small partial index serves this).</summary>
    private static async Task<Dictionary<int, Overdue>> OverdueAsync(CaseloadDbContext db, IQueryable<int> ids, DateOnly yearStart, DateOnly today, CancellationToken ct)
    {
        var cutoff = SchoolDays.OverdueOnOrBefore(today);
        return await db.AttendanceMarks.AsNoTracking()
            .Where(m => m.Code == SchoolDays.NoReasonYet && ids.Contains(m.StudentId) && m.Date >= yearStart && m.Date <= cutoff)
            .GroupBy(m => m.StudentId)
            .Select(g => new Overdue(g.Key, g.Count(), g.Min(m => m.Date)))
            .ToDictionaryAsync(x => x.StudentId, ct);
    }

    public static AttendanceFigures Year(StudentSummary s) => new(s.YearPossible, s.YearPresent, s.YearApproved, s.YearAuthorised,
        s.YearUnauthorised, s.YearLates, s.YearLatesAfterClose, s.YearMinutesLate);

    public static AttendanceFigures Term(StudentSummary s) => new(s.TermPossible, s.TermPresent, s.TermApproved, s.TermAuthorised,
        s.TermUnauthorised, s.TermLates, s.TermLatesAfterClose, s.TermMinutesLate);

    public static IReadOnlyList<string> Reasons(StudentSummary s) => s.RiskReasons.Length == 0 ? [] : s.RiskReasons.Split('\n');

    private sealed class StudentProgress
    {
        public int Graded, Below, WorstGap, Dropped, Fallen;
        public string? WorstSubject, DroppedSubject;
        public List<CourseMargin> Margins { get; } = [];
    }

    /// <summary>Each student's latest value (on or before the day) of every indicator the institution has defined.</summary>
    private static async Task<Dictionary<int, List<IndicatorReading>>> IndicatorsAsync(CaseloadDbContext db, int institutionId, IQueryable<int> ids, DateOnly today, CancellationToken ct)
    {
        var defined = await db.RiskIndicators.AsNoTracking().Where(i => i.InstitutionId == institutionId).ToDictionaryAsync(i => i.Id, ct);
        if (defined.Count == 0)
        {
            return [];
        }
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.InstitutionId == institutionId && ids.Contains(v.StudentId) && v.Date <= today)
            .Select(v => new { v.StudentId, v.RiskIndicatorId, v.Date, v.Value }).ToListAsync(ct);
        return values.GroupBy(v => v.StudentId).ToDictionary(g => g.Key, g => g.GroupBy(v => v.RiskIndicatorId)
            .Select(i => (Indicator: defined[i.Key], Latest: i.MaxBy(v => v.Date)!))
            .OrderBy(i => i.Indicator.Code, StringComparer.Ordinal)
            .Select(i => new IndicatorReading(i.Indicator.Code, i.Indicator.Name, i.Latest.Value, i.Indicator.NoConcernAt, i.Indicator.FullConcernAt)).ToList());
    }

    /// <summary>Per student, from each enrolment's latest grade against its minimum expected grade, and the grade before.</summary>
    private static async Task<Dictionary<int, StudentProgress>> ProgressAsync(CaseloadDbContext db, int institutionId, IQueryable<int> ids, DateOnly today, CancellationToken ct)
    {
        var grades = await (
                from g in db.AssessmentGrades
                join e in db.Enrolments on g.EnrolmentId equals e.Id
                join d in db.DataPoints on g.DataPointId equals d.Id
                where ids.Contains(e.StudentId) && d.Date <= today && (e.Status == EnrolmentStatus.Active || e.EndDate > today)
                select new { e.StudentId, g.EnrolmentId, e.CourseId, e.TargetGrade, g.Grade, d.Date })
            .AsNoTracking().ToListAsync(ct);
        var courses = await db.Courses.AsNoTracking().Where(c => c.InstitutionId == institutionId)
            .ToDictionaryAsync(c => c.Id, c => (c.Name, ScaleId: c.GradeScaleId), ct);
        var ranks = await GradeRanksAsync(db, institutionId, ct);
        var result = new Dictionary<int, StudentProgress>();
        foreach (var enrolment in grades.GroupBy(g => g.EnrolmentId))
        {
            var ordered = enrolment.OrderByDescending(g => g.Date).ToList();
            var latest = ordered[0];
            var (subject, scaleId) = courses[latest.CourseId];
            if (!ranks.TryGetValue((scaleId, latest.Grade), out var rank))
            {
                continue;
            }
            var p = result.TryGetValue(latest.StudentId, out var found) ? found : result[latest.StudentId] = new StudentProgress();
            if (ordered.Count > 1 && ranks.TryGetValue((scaleId, ordered[1].Grade), out var before) && rank < before)
            {
                p.Dropped++;
                p.Fallen += before - rank;
                p.DroppedSubject ??= subject;
            }
            if (latest.TargetGrade is null || !ranks.TryGetValue((scaleId, latest.TargetGrade), out var target))
            {
                continue;
            }
            p.Graded++;
            p.Margins.Add(new CourseMargin(subject, rank - target));
            if (rank < target)
            {
                p.Below++;
                if (target - rank > p.WorstGap)
                {
                    (p.WorstGap, p.WorstSubject) = (target - rank, subject);
                }
            }
        }
        return result;
    }

    /// <summary>Every grade's rank on the institution's scales, by (scale id, grade code).</summary>
    public static async Task<Dictionary<(int ScaleId, string Code), int>> GradeRanksAsync(CaseloadDbContext db, int institutionId, CancellationToken ct) =>
        (await db.Grades.AsNoTracking()
            .Where(g => db.GradeScales.Any(s => s.Id == g.GradeScaleId && s.InstitutionId == institutionId))
            .Select(g => new { g.GradeScaleId, g.Code, g.Rank }).ToListAsync(ct))
        .ToDictionary(g => (g.GradeScaleId, g.Code), g => g.Rank);

    private sealed record Totals(int Possible, int Present, int ApprovedActivity, int AuthorisedAbsence, int UnauthorisedAbsence,
        int Lates, int LatesAfterClose, int MinutesLate)
    {
        public AttendanceFigures Figures => new(Possible, Present, ApprovedActivity, AuthorisedAbsence, UnauthorisedAbsence, Lates, LatesAfterClose, MinutesLate);
    }

    private static AttendanceFigures Attended(int attended, int possible) => new(possible, attended, 0, possible - attended, 0, 0, 0, 0);

    /// <summary>The last four weeks' attendance against the four before, in points (null when either has no possible session).</summary>
    private static decimal? Trend(int recentPossible, int recentAttended, int previousPossible, int previousAttended) =>
        AttendanceFigures.Trend(Attended(recentAttended, recentPossible), Attended(previousAttended, previousPossible));
}

using System.Text;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.DataDrops;
using Caseload.Core.Features.Risk;
using Caseload.Core.Features.Targets;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

/// <summary>Data drops, targets, summaries and risk, cohorts: on both databases, from the sample files.</summary>
public sealed class AnalyticsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static async Task<Viewer> ViewerAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return (await Viewers.ForStaffAsync(context, id))!;
    }

    private static async Task<int> EnrolmentAsync(CaseloadDbContext context, string student, string course) =>
        await context.Enrolments.Where(e => e.Student!.ExternalId == student && e.Course!.Code == course).Select(e => e.Id).SingleAsync();

    private static async Task<StudentSummary> SummaryAsync(CaseloadDbContext context, string student) =>
        await context.StudentSummaries.AsNoTracking().SingleAsync(s => s.StudentId == context.Students.Single(x => x.ExternalId == student).Id);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_teacher_enters_a_data_drop_refusals_save_nothing_and_the_summary_follows(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var drops = new DataDrops(context, db.Clock);
        var point = await drops.OpenAsync(null, institution, "Autumn 2", new DateOnly(2026, 11, 20), ["almat"]);
        var teacher = await ViewerAsync(context, "T003");

        // T003 teaches Mathematics to S1001–S1003: one class, nothing entered yet.
        // Her Mathematics is two teaching groups (samples/enrolments.csv), each a class of its own; the course's sheet holds both.
        var classes = await drops.ClassesAsync(teacher, point.Id, everyone: false);
        Assert.Equal([("ALMAT", "12MAT1", 2, 0), ("ALMAT", "12MAT2", 1, 0)], classes.Select(c => (c.Code, c.Group!, c.Students, c.Entered)));
        var mine = classes[0];
        Assert.Equal(["S1001", "S1002"], (await drops.SheetAsync(teacher, point.Id, mine.CourseId, default, "12MAT1"))!.Rows.Select(r => r.ExternalId));
        Assert.Null(await drops.SheetAsync(teacher, point.Id, mine.CourseId, default, "12MAT9"));
        var sheet = (await drops.SheetAsync(teacher, point.Id, mine.CourseId))!;
        Assert.Equal(3, sheet.Rows.Count);
        Assert.Equal(["A*", "A", "B", "C", "D", "E", "U"], sheet.Grades);
        Assert.Equal(("Autumn 1", "D", "C"), (sheet.PreviousPoint, sheet.Rows.Single(r => r.ExternalId == "S1002").Previous, sheet.Rows.Single(r => r.ExternalId == "S1002").Target));

        var s1002 = await EnrolmentAsync(context, "S1002", "ALMAT");
        var before = await db.CountsAsync();
        var offScale = await Assert.ThrowsAsync<ValidationException>(() => drops.SaveAsync(teacher, point.Id, new DataDrops.Entry(s1002, "Z", 2, null), "staff:3"));
        Assert.Equal("'Z' is not a grade on the A level scale of Mathematics; expected one of A*, A, B, C, D, E, U", offScale.Message);
        var effort = await Assert.ThrowsAsync<ValidationException>(() => drops.SaveAsync(teacher, point.Id, new DataDrops.Entry(s1002, "C", 7, null), "staff:3"));
        Assert.Equal("effort 7 is not on the scale; expected 1 (excellent) to 4 (poor), or none", effort.Message);
        Assert.Equal(before, await db.CountsAsync());

        // E is two grades below the target C, and down one from D at Autumn 1: the summary says so straight away.
        Assert.Equal(DataDrops.Saved.Saved, await drops.SaveAsync(teacher, point.Id, new DataDrops.Entry(s1002, "e", 3, "Missed two assessments"), "staff:3"));
        var saved = await context.AssessmentGrades.AsNoTracking().SingleAsync(g => g.EnrolmentId == s1002 && g.DataPointId == point.Id);
        Assert.Equal(("E", 3, "Missed two assessments", "staff:3"), (saved.Grade, saved.Effort, saved.Comment, saved.RecordedBy));
        var summary = await SummaryAsync(context, "S1002");
        Assert.Equal((1, 2, "Mathematics", 1, "Mathematics"), (summary.SubjectsBelow, summary.WorstGap, summary.WorstSubject, summary.SubjectsDropped, summary.DroppedSubject));
        Assert.Contains("Mathematics two grades below target", StudentSummaries.Reasons(summary));
        Assert.Contains("Mathematics grade fell at the last data drop", StudentSummaries.Reasons(summary));

        // Someone else's enrolment, or a course outside the data point, is not there to save.
        var psychology = await EnrolmentAsync(context, "S1001", "ALPSY");
        Assert.Equal(DataDrops.Saved.NotFound, await drops.SaveAsync(teacher, point.Id, new DataDrops.Entry(psychology, "B", null, null), "staff:3"));
        Assert.Equal(DataDrops.Saved.NotFound, await drops.SaveAsync(await ViewerAsync(context, "T001"), point.Id, new DataDrops.Entry(s1002, "A", null, null), "staff:1"));

        // Senior staff see who has not finished.
        var all = await drops.ClassesAsync(await ViewerAsync(context, "T006"), point.Id, everyone: true);
        Assert.Equal([("Aisha Rahman", "12MAT1", 2, 1), ("Aisha Rahman", "12MAT2", 1, 0)], all.Select(c => (c.Teacher, c.Group!, c.Students, c.Entered)).OrderBy(c => c.Item2));

        // A closed data point refuses changes and keeps the grade.
        await drops.SetOpenAsync(null, institution, point.Id, open: false);
        var closed = await Assert.ThrowsAsync<ValidationException>(() => drops.SaveAsync(teacher, point.Id, new DataDrops.Entry(s1002, "A", null, null), "staff:3"));
        Assert.Equal("data point 'Autumn 2' is closed, so its grades can no longer be changed; ask an administrator to reopen it", closed.Message);
        Assert.Equal("E", (await context.AssessmentGrades.AsNoTracking().SingleAsync(g => g.EnrolmentId == s1002 && g.DataPointId == point.Id)).Grade);

        var unknown = await Assert.ThrowsAsync<ValidationException>(() => drops.OpenAsync(null, institution, "Spring 1", Today, ["ALMAT", "NOPE"]));
        Assert.Equal("no course has code 'NOPE'; expected course codes from the enrolments import", unknown.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_target_table_with_gaps_is_refused_whole_and_a_sound_one_sets_targets_with_history(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var tables = new TargetTables(context, db.Clock);

        var before = await db.CountsAsync();
        var bad = await tables.ImportAsync(institution, "targets.csv", Csv("grade_scale,from,to,grade\nA-LEVEL,0,5,D\nA-LEVEL,5.5,7,B\nA-LEVEL,6.5,9,Z\n"));
        Assert.Equal(
        [
            "targets.csv:3:2: A-LEVEL: no band covers 5 to 5.5 (a gap); expected this band to start at 5",
            "targets.csv:4:2: grade 'Z' is not on the A-LEVEL scale; expected one of A*, A, B, C, D, E, U",
            "targets.csv:4:2: A-LEVEL: the band 6.5 to 9 overlaps the band on line 3, which runs to 7; expected it to start at 7",
        ], bad.Problems.Select(p => p.ToString()));
        var notNumber = await tables.ImportAsync(institution, "targets.csv", Csv("grade_scale,from,to,grade\nA-LEVEL,0,five,D\n"));
        Assert.Equal("targets.csv:2:3: 'five' is not an average GCSE score; expected a number from 0 to 9, such as 5.25", notNumber.Problems.Single().ToString());
        Assert.Equal(before, await db.CountsAsync());

        // Priors: S1001 6.4, S1002 5.1, S1003 7.8, S1005 4.6. Targets were B, B / C / A* / D.
        var good = await tables.ImportAsync(institution, "targets.csv", Csv("grade_scale,from,to,grade\nA-LEVEL,0,5,D\nA-LEVEL,5,6,C\nA-LEVEL,6,7,B\nA-LEVEL,7,9,A\n"));
        Assert.Equal((4, "A-LEVEL"), (good.Bands, good.Scales.Single()));
        var applied = await tables.ApplyAsync(institution, "cli:test");
        // Changed: S1003 A* → A. Unchanged: S1001 ×2 (B), S1002 (C), S1005 (D). S1004's BTEC-ED still has the default bands: 5.9 → DDD (was DMM).
        Assert.Equal((2, 4, 0, 0), (applied.Changed, applied.Unchanged, applied.NoPriorAttainment, applied.NoBands));
        var s1003 = await EnrolmentAsync(context, "S1003", "ALMAT");
        var history = await context.TargetChanges.AsNoTracking().SingleAsync(c => c.EnrolmentId == s1003);
        Assert.Equal((TargetKind.Minimum, "A*", "A", "cli:test", "target table, prior attainment 7.8"), (history.Kind, history.Previous, history.New, history.ChangedBy, history.Reason));
        // S1003's Mathematics grade A now meets its target: no longer below.
        Assert.Equal(0, (await SummaryAsync(context, "S1003")).SubjectsBelow);

        // The aspirational target: set by the tutor, kept in the history; off the scale is refused; a teacher without the pastoral record cannot.
        var tutor = await StudentScope.ForAsync(context, await ViewerAsync(context, "T001"));
        var aspire = new SetAspirationalTarget(context, db.Clock);
        Assert.True(await aspire.HandleAsync(new SetAspirationalTarget.Request(tutor, s1003, "a*", "staff:1")));
        var refused = await Assert.ThrowsAsync<ValidationException>(() => aspire.HandleAsync(new SetAspirationalTarget.Request(tutor, s1003, "A**", "staff:1")));
        Assert.Equal("'A**' is not a grade on the A level scale of Mathematics; expected one of A*, A, B, C, D, E, U", refused.Message);
        var teacher = await StudentScope.ForAsync(context, await ViewerAsync(context, "T003"));
        Assert.False(await aspire.HandleAsync(new SetAspirationalTarget.Request(teacher, s1003, "B", "staff:3")));
        var changes = await context.TargetChanges.AsNoTracking().Where(c => c.EnrolmentId == s1003).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([(TargetKind.Minimum, "A"), (TargetKind.Aspirational, "A*")], changes.Select(c => (c.Kind, c.New!)));
        Assert.Equal("A*", (await context.Enrolments.AsNoTracking().SingleAsync(e => e.Id == s1003)).AspirationalGrade);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Summaries_updated_by_an_import_equal_a_recompute_from_scratch(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        // A later day's marks for two students only (a day with no marks yet): their summaries move inside the import.
        var result = await db.ImportTextAsync(institution, "attendance", "student_id,date,session,code,minutes_late\nS1001,2026-11-20,AM,O,\nS1001,2026-11-20,PM,O,\nS1005,2026-11-20,AM,L,20\n");
        Assert.True(result.Succeeded);
        await AssertSummariesAndWeeksAreAsFromScratchAsync(db, institution);
        await using (var context = db.NewContext())
        {
            // S1001: 6 possible now, 4 attended.
            var s1001 = await SummaryAsync(context, "S1001");
            Assert.Equal((6, 4), (s1001.YearPossible, s1001.YearPresent + s1001.YearApproved));
        }

        // Corrections and new marks together, in earlier weeks and windows: an unchanged mark, a present PM made an
        // unauthorised absence, the overdue "N" given its reason, a late's minutes corrected, a new mark four to eight
        // weeks back (the trend's "before"), and a second mark on the day above.
        result = await db.ImportTextAsync(institution, "attendance", """
            student_id,date,session,code,minutes_late
            S1001,2026-09-07,AM,/,
            S1001,2026-09-07,PM,O,
            S1002,2026-09-08,PM,I,
            S1005,2026-11-20,AM,L,5
            S1003,2026-10-05,AM,O,
            S1003,2026-11-20,AM,/,
            """);
        Assert.True(result.Succeeded);
        Assert.Equal((2, 3, 1), (result.Counts.Inserted, result.Counts.Updated, result.Counts.Unchanged));
        await AssertSummariesAndWeeksAreAsFromScratchAsync(db, institution);
        await using (var context = db.NewContext())
        {
            // S1001: 6 possible, 3 attended (the PM of 7 September now an absence); S1002's overdue reason is given.
            var s1001 = await SummaryAsync(context, "S1001");
            Assert.Equal((6, 3), (s1001.YearPossible, s1001.YearPresent + s1001.YearApproved));
            Assert.Equal(0, (await SummaryAsync(context, "S1002")).ReasonsOverdue);
            // S1003: attended the Monday of 16–20 November's week, absent on 5 October: recent 1/1, before 0/1: +100 points.
            var s1003 = await SummaryAsync(context, "S1003");
            Assert.Equal((1, 1, 1, 0, 100.0m), (s1003.RecentPossible, s1003.RecentAttended, s1003.PreviousPossible, s1003.PreviousAttended, s1003.AttendanceTrend));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_day_of_marks_moves_current_summaries_by_their_weeks_and_computes_other_ones_from_scratch(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var s1001 = await SummaryAsync(context, "S1001");
        // From the sample: 4 sessions in the week of 7 September, all present, one late by 12 minutes.
        Assert.Equal((4, 4, 0, 1, 12), (s1001.YearPossible, s1001.YearPresent, s1001.YearUnauthorised, s1001.YearLates, s1001.YearMinutesLate));
        var s1004 = await SummaryAsync(context, "S1004");
        await context.StudentSummaries.Where(s => s.StudentId == s1004.StudentId).ExecuteUpdateAsync(u => u.SetProperty(s => s.AsOf, Today.AddDays(-1)));

        // Moved by hand-made deltas (the weeks themselves are not touched here): S1001 gains, in the week of 16 November
        // (inside the last four weeks), 2 possible sessions: 1 present and late by 10 minutes, 1 unauthorised absence.
        var week = new DateOnly(2026, 11, 16);
        var timings = new Dictionary<string, double>();
        var written = await StudentSummaries.ApplyAttendanceAsync(context, institution,
            [new WeekDelta(s1001.StudentId, week, 2, 1, 0, 0, 1, 1, 0, 10), new WeekDelta(s1004.StudentId, week, 2, 2, 0, 0, 0, 0, 0, 0)],
            Today, db.Clock.GetUtcNow().UtcDateTime, default, timings);

        Assert.Equal(2, written);
        var moved = await SummaryAsync(context, "S1001");
        Assert.Equal((6, 5, 1, 2, 22), (moved.YearPossible, moved.YearPresent, moved.YearUnauthorised, moved.YearLates, moved.YearMinutesLate));
        Assert.Equal((6, 5, 1, 2, 22), (moved.TermPossible, moved.TermPresent, moved.TermUnauthorised, moved.TermLates, moved.TermMinutesLate));
        // The last four weeks: 1 of 2; the four before: none possible, so no trend.
        Assert.Equal((2, 1, 0, 0, (decimal?)null), (moved.RecentPossible, moved.RecentAttended, moved.PreviousPossible, moved.PreviousAttended, moved.AttendanceTrend));
        // Rescored from the stored inputs (the Mathematics grade and the flag kept): 5 of 6 is 83.3% this year, under 90%.
        Assert.Equal(["attendance 83.3% this year (persistent absence)", "2 lates this term", "Mathematics one grade below target", "disadvantaged"],
            StudentSummaries.Reasons(moved));
        Assert.True(moved.RiskPoints > s1001.RiskPoints);
        // S1004's summary was from the day before: computed from scratch from its (unchanged) weeks, not moved.
        Assert.True(timings.ContainsKey("summaries: from scratch"));
        var fresh = await SummaryAsync(context, "S1004");
        Assert.Equal((Today, s1004.YearPossible), (fresh.AsOf, fresh.YearPossible));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rebuilding_after_a_code_table_edit_corrects_changed_weeks_adds_missing_ones_removes_empty_ones_and_rescores(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        int s1001, s1002, s1003;
        await using (var context = db.NewContext())
        {
            (s1001, s1002, s1003) = ((await SummaryAsync(context, "S1001")).StudentId, (await SummaryAsync(context, "S1002")).StudentId, (await SummaryAsync(context, "S1003")).StudentId);
            // Edited by hand: 'L' (late, present) becomes an unauthorised late. And three weeks out of step with the marks:
            // S1002's altered, S1003's lost, and a week with no marks at all for S1001.
            await context.AttendanceCodes.Where(c => c.InstitutionId == institution && c.Code == "L").ExecuteUpdateAsync(u => u.SetProperty(c => c.Meaning, AttendanceMeaning.UnauthorisedAbsence));
            await context.AttendanceWeeks.Where(w => w.StudentId == s1002).ExecuteUpdateAsync(u => u.SetProperty(w => w.Possible, 99));
            await context.AttendanceWeeks.Where(w => w.StudentId == s1003).ExecuteDeleteAsync();
            context.AttendanceWeeks.Add(new AttendanceWeek { StudentId = s1001, WeekStart = new DateOnly(2026, 10, 5), Possible = 3, Present = 3 });
            await context.SaveChangesAsync();
        }

        var (exit, output, error) = await db.RunCliAsync("db", "rebuild-summaries");

        Assert.True(exit == 0, error);
        Assert.Contains("5 students' summaries and scores recomputed", output);
        await using var after = db.NewContext();
        var weeks = await after.AttendanceWeeks.AsNoTracking().Where(w => w.StudentId == s1001 || w.StudentId == s1002 || w.StudentId == s1003)
            .OrderBy(w => w.StudentId).Select(w => new { w.StudentId, w.WeekStart, w.Possible, w.Present, w.UnauthorisedAbsence, w.Lates, w.LatesAfterClose }).ToListAsync();
        // One week each (7 September): S1001 4 possible, 3 present, its late now an unauthorised late after the register closed;
        // S1002 back to its marks (I, I, U, N: 4 possible, none present, U an unauthorised late); S1003 back (/, V present or approved, X X not possible).
        var september = new DateOnly(2026, 9, 7);
        Assert.Equal([new { StudentId = s1001, WeekStart = september, Possible = 4, Present = 3, UnauthorisedAbsence = 1, Lates = 1, LatesAfterClose = 1 },
            new { StudentId = s1002, WeekStart = september, Possible = 4, Present = 0, UnauthorisedAbsence = 2, Lates = 1, LatesAfterClose = 1 },
            new { StudentId = s1003, WeekStart = september, Possible = 2, Present = 1, UnauthorisedAbsence = 0, Lates = 0, LatesAfterClose = 0 }], weeks);
        var summary = await SummaryAsync(after, "S1001");
        Assert.Equal((4, 3, 1), (summary.YearPossible, summary.YearPresent, summary.YearUnauthorised));
        Assert.Contains("attendance 75% this year (persistent absence)", StudentSummaries.Reasons(summary));
    }

    /// <summary>
    /// The same day's registers sent three times at once (a retried upload, two browser tabs, the MIS's scheduled export
    /// overlapping a manual one): imports of one institution take turns, so the first writes the marks and the others find
    /// them unchanged — no import fails on a duplicate key and no week or summary counts a mark twice.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_new_day_imported_three_times_at_once_is_written_once_and_every_import_succeeds(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        for (var day = 16; day <= 20; day++)
        {
            var date = $"2026-11-{day}";
            var text = $"student_id,date,session,code,minutes_late\nS1001,{date},AM,/,\nS1001,{date},PM,L,5\nS1002,{date},AM,N,\nS1003,{date},AM,/,\nS1003,{date},PM,O,\n";
            var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => db.ImportTextAsync(institution, "attendance", text)));
            Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Problems)));
            Assert.Equal((5, 0, 10), (results.Sum(r => r.Counts.Inserted), results.Sum(r => r.Counts.Updated), results.Sum(r => r.Counts.Unchanged)));
        }
        await AssertSummariesAndWeeksAreAsFromScratchAsync(db, institution);
    }

    /// <summary>Every stored summary equals one computed from scratch now, and every stored week equals a rebuild from the marks.</summary>
    private static async Task AssertSummariesAndWeeksAreAsFromScratchAsync(TestDatabase db, int institution)
    {
        await using var context = db.NewContext();
        var stored = await context.StudentSummaries.AsNoTracking().OrderBy(s => s.StudentId).ToListAsync();
        var fresh = (await StudentSummaries.ComputeAsync(context, institution, null, Today, db.Clock.GetUtcNow().UtcDateTime, default)).OrderBy(s => s.StudentId).ToList();
        Assert.Equal(5, stored.Count);
        Assert.Equal(fresh.Select(s => s.StudentId), stored.Select(s => s.StudentId));
        foreach (var (expected, actual) in fresh.Zip(stored))
        {
            Assert.Equal(Comparable(expected).Replace("|", "\n"), Comparable(actual).Replace("|", "\n"));
        }
        var weeks = await context.AttendanceWeeks.AsNoTracking().OrderBy(w => w.StudentId).ThenBy(w => w.WeekStart).ToListAsync();
        await db.RunAsync(async services =>
        {
            var scoped = services.GetRequiredService<CaseloadDbContext>();
            await using var tx = await scoped.Database.BeginTransactionAsync();
            var rows = await services.GetRequiredService<IAttendanceStore>().RebuildWeeksAsync(scoped, institution, default);
            await tx.CommitAsync();
            return rows;
        });
        await using var after = db.NewContext();
        var rebuilt = await after.AttendanceWeeks.AsNoTracking().OrderBy(w => w.StudentId).ThenBy(w => w.WeekStart).ToListAsync();
        Assert.Equal(rebuilt.Select(ComparableWeek), weeks.Select(ComparableWeek));
    }

    private static string ComparableWeek(AttendanceWeek w) => string.Join("|", typeof(AttendanceWeek).GetProperties().Select(p => $"{p.Name}={p.GetValue(w)}"));

    private static string Comparable(StudentSummary s) => string.Join("|", typeof(StudentSummary).GetProperties()
        .Where(p => p.Name is not (nameof(StudentSummary.ComputedAt)))
        .Select(p => $"{p.Name}={(p.GetValue(s) is decimal d ? d.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture) : p.GetValue(s))}"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Risk_evaluation_gives_the_known_answer_and_refuses_a_bad_file(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        await StudentSummaries.RecomputeAsync(context, institution, null, Today, db.Clock.GetUtcNow().UtcDateTime);
        var scores = await context.StudentSummaries.AsNoTracking().Join(context.Students, m => m.StudentId, s => s.Id, (m, s) => new { s.ExternalId, m.RiskScore })
            .OrderByDescending(x => x.RiskScore).ToListAsync();
        Assert.True(scores[1].RiskScore > scores[2].RiskScore, "the sample's two highest scores stand apart");
        var evaluate = new EvaluateRisk(context, new RiskHistory(context, db.Clock));

        // The two highest scorers withdrew or failed: perfect separation, AUC 1; the top 10% (1 student) and 20% (1) are both right.
        var top = await evaluate.HandleAsync(institution, "o.csv", Csv("student_id,outcome\n" + string.Join("\n", scores.Select((s, i) => $"{s.ExternalId},{(i == 0 ? "withdrawn" : i == 1 ? "failed" : "completed")}"))));
        Assert.Equal(1m, top.Evaluation!.Auc);
        Assert.Equal((5, 2), (top.Evaluation.Students, top.Evaluation.Positives));
        Assert.Equal((1m, 0.5m), (top.Evaluation.Top[0].Precision, top.Evaluation.Top[0].Recall));
        // The two lowest did: AUC 0.
        var bottom = await evaluate.HandleAsync(institution, "o.csv", Csv("student_id,outcome\n" + string.Join("\n", scores.Select((s, i) => $"{s.ExternalId},{(i >= 3 ? "withdrawn" : "completed")}"))));
        Assert.Equal(0m, bottom.Evaluation!.Auc);

        var bad = await evaluate.HandleAsync(institution, "o.csv", Csv("student_id,outcome\nS1001,left\nS9999,completed\nS1002,completed\nS1002,failed\n"));
        Assert.Null(bad.Evaluation);
        Assert.Equal(
        [
            "o.csv:2:2: outcome 'left' is not known; expected withdrawn, failed or completed",
            "o.csv:3:1: student_id 'S9999' is not a student of this institution; expected a student_id from the students import",
            "o.csv:5:1: this student appears again (first on line 4); expected one outcome per student",
        ], bad.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cohort_figures_match_the_hand_worked_sums(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        // The arithmetic, with nothing withheld (the samples' groups are tiny; suppression has its own test below).
        var cohorts = new GetCohort(context, db.Clock, new CohortOptions { SmallestGroup = 1 });
        var admin = await StudentScope.ForAsync(context, await ViewerAsync(context, "T006"));

        // Possible / attended: S1001 4/4, S1002 4/0, S1003 2/2 (X is not possible), S1004 2/1, S1005 2/2 → 9/14 = 64.3%.
        // Persistent and severe: S1002 (100% absent) and S1004 (50%): 2 of 5 = 40%. Subjects: 6 graded, 4 below → 33.3% on target.
        var all = (await cohorts.HandleAsync(admin, null, null, Today))!;
        Assert.Equal(GetCohort.Level.Institution, all.Cohort.Level);
        var f = all.Whole.Figures;
        Assert.Equal((5, 14, 9, 64.3m), (f.Students, f.Attendance.Possible, f.Attendance.Attended, f.AttendancePercent));
        Assert.Equal((2, 40.0m, 2, 40.0m), (f.Persistent, f.PersistentPercent, f.Severe, f.SeverePercent));
        Assert.Equal((6, 4, 33.3m), (f.SubjectsGraded, f.SubjectsBelow, f.OnTargetPercent));
        Assert.Equal(5, Assert.Single(all.Breakdown).Figures.Students);

        // Disadvantaged (S1001, S1005): 6/6 = 100% against 3/8 = 37.5% → +62.5 points; persistent 0% against 2 of 3 = 66.7%;
        // on target 2 of 3 subjects (66.7%) against 0 of 3.
        var disadvantaged = all.Vulnerable.Single(v => v.Group == "Disadvantaged");
        Assert.Equal((2, 100.0m, 37.5m, 62.5m), (disadvantaged.In.Students, disadvantaged.In.AttendancePercent, disadvantaged.Others.AttendancePercent, disadvantaged.AttendanceGap));
        Assert.Equal((0.0m, 66.7m, -66.7m), (disadvantaged.In.PersistentPercent, disadvantaged.Others.PersistentPercent, disadvantaged.PersistentGap));
        Assert.Equal((66.7m, 0.0m, 66.7m), (disadvantaged.In.OnTargetPercent, disadvantaged.Others.OnTargetPercent, disadvantaged.OnTargetGap));

        // Year 12 by tutor group: 12A 6/10 = 60%, 12B 3/4 = 75%.
        var year = (await cohorts.HandleAsync(admin, GetCohort.Level.Year, "12", Today))!;
        Assert.Equal([("12A", 60.0m), ("12B", 75.0m)], year.Breakdown.Select(l => (l.Name, l.Figures.AttendancePercent!.Value)));

        // A tutor is offered their own group only; the year and the institution are not theirs to see.
        var tutor = await StudentScope.ForAsync(context, await ViewerAsync(context, "T001"));
        Assert.Equal(["12A"], (await cohorts.ChoicesAsync(tutor)).Select(c => c.Key));
        Assert.Null(await cohorts.HandleAsync(tutor, GetCohort.Level.Year, "12", Today));
        Assert.Null(await cohorts.HandleAsync(tutor, GetCohort.Level.Group, "12B", Today));
        Assert.Equal(3, (await cohorts.HandleAsync(tutor, null, null, Today))!.Whole.Figures.Students);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Small_groups_are_withheld_with_whatever_would_give_them_away(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var cohorts = new GetCohort(context, db.Clock); // the default: fewer than 5 is withheld
        var admin = await StudentScope.ForAsync(context, await ViewerAsync(context, "T006"));

        // The institution's 5 students are shown; the 2 disadvantaged are not, and nor is everyone else (5 − 3 would give them).
        var all = (await cohorts.HandleAsync(admin, null, null, Today))!;
        Assert.Equal((5, false), (all.Whole.Figures.Students, all.Whole.Figures.Withheld));
        var disadvantaged = all.Vulnerable.Single(v => v.Group == "Disadvantaged");
        Assert.True(disadvantaged.In.Withheld && disadvantaged.Others.Withheld);
        Assert.Equal((0, null, null), (disadvantaged.In.Students, disadvantaged.In.AttendancePercent, disadvantaged.AttendanceGap));
        Assert.Equal("fewer than 5", all.WithheldText);
        // Exported the same way: the count says so, the figures are empty.
        var csv = CohortExport.Tables(all).Single(t => t.Title == "Vulnerable groups").Rows.Single(r => (string?)r[0] == "Disadvantaged");
        Assert.Equal(["Disadvantaged", "fewer than 5", null, null, null], csv.Take(5));

        // Year 12 by tutor group: 12A has 3 students and 12B 2 — both withheld.
        var year = (await cohorts.HandleAsync(admin, GetCohort.Level.Year, "12", Today))!;
        Assert.All(year.Breakdown, l => Assert.True(l.Figures.Withheld, l.Name));
        // A tutor's own group of 3: the whole cohort is withheld.
        var tutor = await StudentScope.ForAsync(context, await ViewerAsync(context, "T001"));
        Assert.True((await cohorts.HandleAsync(tutor, null, null, Today))!.Whole.Figures.Withheld);
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}

/// <summary>The shipped sample files and the commands that use them.</summary>
public sealed class AnalyticsSamplesTests
{
    [Fact]
    public void The_shipped_outcomes_file_is_the_default_demos_and_does_not_depend_on_the_date()
    {
        var shipped = File.ReadAllText(Samples.PathOf("outcomes")).ReplaceLineEndings("\n");
        Assert.Equal(shipped, Core.Features.Demo.DemoData.Build(1200, 2026, new DateOnly(2026, 11, 23)).Csv["outcomes"].ReplaceLineEndings("\n"));
        Assert.Equal(shipped, Core.Features.Demo.DemoData.Build(1200, 2026, new DateOnly(2027, 3, 1)).Csv["outcomes"].ReplaceLineEndings("\n"));
    }

    [Fact]
    [Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
    public async Task Risk_evaluate_runs_on_the_shipped_outcomes_against_the_default_demo()
    {
        await using var db = await TestDatabase.CreateAsync("Sqlite");
        db.Clock.Now = Caseload.Tests.TestDay.Today.ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc);
        var (exit, _, error) = await db.RunCliAsync("demo");
        Assert.True(exit == 0, error);
        (exit, var output, error) = await db.RunCliAsync("risk", "evaluate", "--outcomes", Samples.PathOf("outcomes"));
        Assert.True(exit == 0, error);
        Assert.Contains("1,200 students with an outcome, 212 withdrawn or failed (17.7%)", output);
        // The invented outcomes come from each student's hidden circumstances, which the marks and grades reflect: the
        // score must rank them well above chance (0.5), whatever the day the demo is generated on.
        var auc = decimal.Parse(System.Text.RegularExpressions.Regex.Match(output, @"ROC AUC: (\d\.\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(auc, 0.6m, 1m);
        Assert.Contains("top 10% by score (120 students)", output);
        Assert.Contains("calibration", output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_shipped_target_table_imports_and_a_broken_one_is_refused_by_the_command(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateInstitutionAsync();
        var (exit, output, error) = await db.RunCliAsync("targets", "import", Samples.PathOf("target-table"));
        Assert.True(exit == 0, error);
        Assert.Contains("37 bands for A-LEVEL, AS, BTEC-EC, BTEC-DIP, BTEC-ED, T-LEVEL", output);

        var broken = Path.Combine(Path.GetTempPath(), $"targets-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(broken, "grade_scale,from,to,grade\nAS,0,4,E\nAS,4.5,9,A\n");
        try
        {
            (exit, _, error) = await db.RunCliAsync("targets", "import", broken);
            Assert.Equal(1, exit);
            Assert.Contains($"{broken}:3:2: AS: no band covers 4 to 4.5 (a gap); expected this band to start at 4", error);
            Assert.Contains("the target table is unchanged", error);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Risk_weights_are_refused_with_the_reason_and_changed_ones_rescore_everyone(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var (exit, _, error) = await db.RunCliAsync("risk", "weights", "--set", "attendence=40");
        Assert.Equal(1, exit);
        Assert.Contains("'attendence=40' is not a factor=weight pair", error);
        (exit, var output, error) = await db.RunCliAsync("risk", "weights", "--set", "attendance=0,severe-absence=0,punctuality=0,flags=0,reasons-overdue=0,behaviour=0");
        Assert.True(exit == 0, error);
        Assert.Contains("attendance               0", output);
        // S1002 scored 70 (see CaseloadTests); with attendance, severe absence, lates, flags, overdue reasons and behaviour weighed at 0
        // only Mathematics one grade below target is left: (½ + ½) / 2 × 20 = 10.
        await using var context = db.NewContext();
        var score = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            context.StudentSummaries.Where(s => s.StudentId == context.Students.Single(x => x.ExternalId == "S1002").Id).Select(s => s.RiskScore));
        Assert.Equal(10, score);
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Caseload;

/// <summary>
/// "My caseload": every student the signed-in member of staff looks after, with the figures a tutor checks each morning,
/// ordered by who most needs attention, with the reasons in words. A fixed number of queries whatever the caseload
/// size: attendance comes from the weekly summaries, never from the raw marks.
/// </summary>
public sealed class GetCaseload(CaseloadDbContext db)
{
    public sealed record Request(StudentScope Scope, DateOnly Today, int? TutorStaffId = null);

    public sealed record Row(
        int Id, string ExternalId, string Name, string Initials, string? TutorGroup, string? Tutor,
        decimal? AttendanceTerm, decimal? AttendanceYear, decimal? AttendanceTrend, IReadOnlyList<decimal?> RecentWeeks,
        int LatesTerm, int SubjectsBelowTarget, int WorstGap, string? WorstSubject, int BehaviourTerm,
        IReadOnlyList<string> Flags, DateOnly? LastOneToOne, int Attention, IReadOnlyList<string> Reasons,
        int ReasonsOverdue = 0, DateOnly? OldestReasonOverdue = null);

    public sealed record Result(string TermName, DateOnly TermStart, string YearName, IReadOnlyList<Row> Rows, IReadOnlyList<(int StaffId, string Name)> Tutors,
        AttendanceBands Bands);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct = default)
    {
        var scope = request.Scope;
        var institutionId = scope.Viewer.InstitutionId;
        var (yearName, yearStart, termName, termStart) = await CalendarAsync(institutionId, request.Today, ct);
        var recentStart = Weeks.StartOf(request.Today).AddDays(-28);
        var previousStart = recentStart.AddDays(-28);
        var sparkStart = Weeks.StartOf(request.Today).AddDays(-7 * 8);

        var students = scope.Pastoral(db);
        if (request.TutorStaffId is { } tutor)
        {
            students = students.Where(s => s.TutorGroup != null && s.TutorGroup.TutorStaffId == tutor);
        }
        var people = await students.AsNoTracking()
            .Where(s => s.OnRoll)
            .Select(s => new
            {
                s.Id,
                s.ExternalId,
                s.FirstName,
                s.PreferredName,
                s.LastName,
                Group = s.TutorGroup == null ? null : s.TutorGroup.Code,
                Tutor = s.TutorGroup == null || s.TutorGroup.Tutor == null ? null : s.TutorGroup.Tutor.FirstName + " " + s.TutorGroup.Tutor.LastName,
                s.Disadvantaged,
                s.Send,
                s.Ehcp,
                s.LookedAfter,
                s.YoungCarer,
                s.Eal,
                s.MostAble,
            })
            .ToListAsync(ct);
        // The scope's rule (groups, years, houses, individual assignments) is evaluated once, above; the figures below
        // are fetched by the students' ids, which the summaries' primary keys serve directly.
        var ids = people.Select(p => p.Id).ToList();

        // Per student, summed in the database from the weekly summaries: the year's and the term's full figures
        // (the rules in AttendanceFigures turn them into percentages and absence flags), and the last four weeks
        // against the four before for the trend.
        var attendance = await db.AttendanceWeeks.AsNoTracking()
            .Where(w => ids.Contains(w.StudentId) && w.WeekStart >= yearStart)
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
        var spark = (await db.AttendanceWeeks.AsNoTracking()
                .Where(w => ids.Contains(w.StudentId) && w.WeekStart >= sparkStart)
                .Select(w => new { w.StudentId, w.WeekStart, w.Possible, Attended = w.Present + w.ApprovedActivity })
                .ToListAsync(ct))
            .ToLookup(w => w.StudentId);

        var progress = await ProgressAsync(ids, ct);

        // Absences still "N" (no reason yet) after 5 school days: a task for the tutor.
        var cutoff = SchoolDays.OverdueOnOrBefore(request.Today);
        var overdue = await db.AttendanceMarks.AsNoTracking()
            .Where(m => ids.Contains(m.StudentId) && m.Date >= yearStart && m.Date <= cutoff && m.Code == SchoolDays.NoReasonYet)
            .GroupBy(m => m.StudentId)
            .Select(g => new { StudentId = g.Key, Count = g.Count(), Oldest = g.Min(m => m.Date) })
            .ToDictionaryAsync(x => x.StudentId, ct);

        var behaviour = await db.BehaviourEvents.AsNoTracking()
            .Where(e => ids.Contains(e.StudentId) && e.Date >= termStart)
            .GroupBy(e => e.StudentId)
            .Select(g => new { StudentId = g.Key, Points = g.Sum(e => e.Points) })
            .ToDictionaryAsync(x => x.StudentId, x => x.Points, ct);

        var tutors = await TutorsAsync(scope, ct);

        var rows = people.Select(p =>
        {
            var a = attendance.GetValueOrDefault(p.Id);
            var termFigures = a?.Term.Figures ?? AttendanceFigures.Empty;
            var term = termFigures.AttendancePercent;
            var year = a?.Year.Figures.AttendancePercent;
            decimal? trend = a is null ? null : AttendanceFigures.Trend(Attended(a.RecentAttended, a.RecentPossible), Attended(a.PreviousAttended, a.PreviousPossible));
            var weeks = Enumerable.Range(0, 8).Select(i => sparkStart.AddDays(7 * i))
                .Select(w => spark[p.Id].FirstOrDefault(x => x.WeekStart == w) is { } x ? Attended(x.Attended, x.Possible).AttendancePercent : null)
                .ToList();
            var g = progress.GetValueOrDefault(p.Id);
            var points = behaviour.GetValueOrDefault(p.Id);
            var flags = StudentFlags.Describe(p.Disadvantaged, p.Send, p.Ehcp, p.LookedAfter, p.YoungCarer, p.Eal, p.MostAble);
            var due = overdue.GetValueOrDefault(p.Id);
            var (attention, reasons) = Attention.Assess(termFigures, trend, g.Below, g.WorstGap, g.WorstSubject, points, due?.Count ?? 0);
            var first = p.PreferredName ?? p.FirstName;
            return new Row(p.Id, p.ExternalId, $"{first} {p.LastName}", $"{first[..1]}{p.LastName[..1]}", p.Group, p.Tutor,
                term, year, trend, weeks, termFigures.Lates, g.Below, g.WorstGap, g.WorstSubject, points, flags, null, attention, reasons,
                due?.Count ?? 0, due?.Oldest);
        })
        .OrderByDescending(r => r.Attention).ThenBy(r => r.AttendanceTerm ?? 101).ThenBy(r => r.Name)
        .ToList();
        var bands = await Institutions.SetAttendanceBands.ReadAsync(db, institutionId, ct);
        return new Result(termName, termStart, yearName, rows, tutors, bands);
    }

    /// <summary>The database's sums per period (EF Core materialises this shape from the grouped query).</summary>
    private sealed record Totals(int Possible, int Present, int ApprovedActivity, int AuthorisedAbsence, int UnauthorisedAbsence,
        int Lates, int LatesAfterClose, int MinutesLate)
    {
        public AttendanceFigures Figures => new(Possible, Present, ApprovedActivity, AuthorisedAbsence, UnauthorisedAbsence, Lates, LatesAfterClose, MinutesLate);
    }

    /// <summary>Figures that only know attendance over possible (enough for a percentage and a trend).</summary>
    private static AttendanceFigures Attended(int attended, int possible) => new(possible, attended, 0, possible - attended, 0, 0, 0, 0);

    private async Task<(string Year, DateOnly YearStart, string Term, DateOnly TermStart)> CalendarAsync(int institutionId, DateOnly today, CancellationToken ct)
    {
        var year = await db.AcademicYears.AsNoTracking().Include(y => y.Terms)
            .Where(y => y.InstitutionId == institutionId && y.StartDate <= today)
            .OrderByDescending(y => y.StartDate).FirstOrDefaultAsync(ct);
        if (year is null)
        {
            return ("this year", DateOnly.MinValue, "this term", DateOnly.MinValue);
        }
        var term = year.Terms.Where(t => t.StartDate <= today).OrderByDescending(t => t.StartDate).FirstOrDefault();
        return (year.Name, year.StartDate, term?.Name ?? "this term", term?.StartDate ?? year.StartDate);
    }

    /// <summary>Per student: subjects whose latest grade is below target, and the widest gap (in grades of the course's scale).</summary>
    private async Task<Dictionary<int, (int Below, int WorstGap, string? WorstSubject)>> ProgressAsync(List<int> ids, CancellationToken ct)
    {
        var latest = await db.Enrolments.AsNoTracking()
            .Where(e => ids.Contains(e.StudentId) && e.TargetGrade != null)
            .Select(e => new
            {
                e.StudentId,
                Subject = e.Course!.Name,
                ScaleId = e.Course.GradeScaleId,
                e.TargetGrade,
                Latest = db.AssessmentGrades.Where(g => g.EnrolmentId == e.Id)
                    .OrderByDescending(g => db.DataPoints.Where(d => d.Id == g.DataPointId).Select(d => d.Date).FirstOrDefault())
                    .Select(g => g.Grade).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var scaleIds = latest.Select(x => x.ScaleId).Distinct().ToList();
        var ranks = (await db.Grades.AsNoTracking().Where(g => scaleIds.Contains(g.GradeScaleId)).Select(g => new { g.GradeScaleId, g.Code, g.Rank }).ToListAsync(ct))
            .ToDictionary(g => (g.GradeScaleId, g.Code), g => g.Rank);
        var result = new Dictionary<int, (int, int, string?)>();
        foreach (var e in latest.Where(x => x.Latest is not null))
        {
            if (!ranks.TryGetValue((e.ScaleId, e.TargetGrade!), out var target) || !ranks.TryGetValue((e.ScaleId, e.Latest!), out var grade) || grade >= target)
            {
                continue;
            }
            var gap = target - grade;
            var (below, worst, subject) = result.GetValueOrDefault(e.StudentId);
            result[e.StudentId] = (below + 1, Math.Max(worst, gap), gap > worst ? e.Subject : subject);
        }
        return result;
    }

    private async Task<IReadOnlyList<(int, string)>> TutorsAsync(StudentScope scope, CancellationToken ct)
    {
        if (scope.CaseloadStaffIds.Count <= 1)
        {
            return [];
        }
        var staff = scope.CaseloadStaffIds;
        var list = await db.Staff.AsNoTracking().Where(s => staff.Contains(s.Id))
            .OrderBy(s => s.LastName).Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToListAsync(ct);
        return [.. list.Select(s => (s.Id, s.Name))];
    }
}

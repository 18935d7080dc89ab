using Caseload.Core.Domain;
using Caseload.Core.Exports;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>
/// Retention for the students the viewer sees, this academic year (decision 0020): per course — enrolments started,
/// retained (still on it), withdrawn, transferred to another course here (ILR reason 40, not counted as leaving) and
/// those who left before their day 42; per tutor group, year group and all the viewer's students — students started,
/// retained (on roll) and withdrawn (left during the year); the reasons and each withdrawal with its date.
/// Retention = retained ÷ (started − transferred).
/// </summary>
public sealed class GetRetention(CourseChangeAccess access)
{
    public const int MaxWithdrawals = 500;

    public sealed record Row(string Name, int Started, int Retained, int Withdrawn, int Transferred, int BeforeDayFortyTwo)
    {
        /// <summary>Retained as a share of those who started and did not move to another course here; null when none did.</summary>
        public decimal? Rate => Started - Transferred is var n and > 0 ? Math.Round(100m * Retained / n, 1) : null;
    }

    public sealed record Withdrawal(int StudentId, string Student, string? Group, string What, DateOnly On, string? Reason, int? Code, bool Transfer);

    public sealed record Result(DateOnly YearStart, Row All, IReadOnlyList<Row> Years, IReadOnlyList<Row> TutorGroups, IReadOnlyList<Row> Courses,
        IReadOnlyList<(string Reason, int Count)> Reasons, IReadOnlyList<Withdrawal> Withdrawals);

    public async Task<Result> HandleAsync(StudentScope scope, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.UseCohorts);
        var db = access.Db;
        var today = access.Today;
        var yearStart = await db.AcademicYears.AsNoTracking().Where(y => y.InstitutionId == scope.Viewer.InstitutionId && y.StartDate <= today)
            .OrderByDescending(y => y.StartDate).Select(y => (DateOnly?)y.StartDate).FirstOrDefaultAsync(ct) ?? new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1);
        var students = await scope.Pastoral(db).AsNoTracking()
            .Where(s => s.OnRoll || (s.LeftOn != null && s.LeftOn >= yearStart))
            .Select(s => new
            {
                s.Id,
                Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName,
                Year = s.YearGroup!.Name,
                Group = s.TutorGroup == null ? null : s.TutorGroup.Code,
                s.OnRoll,
                s.LeftOn,
                s.LeavingReason,
            })
            .ToListAsync(ct);
        var ids = students.Select(s => s.Id).ToList();
        var visible = scope.Pastoral(db).Select(s => s.Id);
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => visible.Contains(e.StudentId) && (e.StartDate == null || e.StartDate <= today) && (e.EndDate == null || e.EndDate >= yearStart))
            .Select(e => new { e.StudentId, Course = e.Course!.Name, e.Status, e.StartDate, e.EndDate, e.EndReason, e.EndReasonCode })
            .ToListAsync(ct);
        var byId = students.ToDictionary(s => s.Id);
        enrolments.RemoveAll(e => !byId.ContainsKey(e.StudentId));

        Row Students(string name, IEnumerable<int> who)
        {
            var list = who.Select(id => byId[id]).ToList();
            var withdrawn = list.Count(s => !s.OnRoll);
            var early = list.Count(s => !s.OnRoll && s.LeftOn is { } left && !StudyProgramme.Counts(
                enrolments.Where(e => e.StudentId == s.Id).Select(e => e.StartDate ?? yearStart).DefaultIfEmpty(yearStart).Min(), left));
            return new Row(name, list.Count, list.Count - withdrawn, withdrawn, 0, early);
        }

        var all = Students("All your students", ids);
        var years = students.GroupBy(s => s.Year).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Students(g.Key, g.Select(s => s.Id))).ToList();
        var groups = students.Where(s => s.Group is not null).GroupBy(s => s.Group!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Students(g.Key, g.Select(s => s.Id))).ToList();
        var courses = enrolments.GroupBy(e => e.Course).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Row(g.Key, g.Count(),
            g.Count(e => e.Status == EnrolmentStatus.Active), g.Count(e => e.Status == EnrolmentStatus.Withdrawn), g.Count(e => e.Status == EnrolmentStatus.Transferred),
            g.Count(e => e.Status == EnrolmentStatus.Withdrawn && e.EndDate is { } end && !StudyProgramme.Counts(e.StartDate ?? yearStart, end)))).ToList();

        var withdrawals = students.Where(s => !s.OnRoll && s.LeftOn is not null)
            .Select(s => new Withdrawal(s.Id, s.Name, s.Group, "Left the institution", s.LeftOn!.Value, s.LeavingReason, null, false))
            .Concat(enrolments.Where(e => e.Status != EnrolmentStatus.Active && e.EndDate is not null && byId[e.StudentId].OnRoll)
                .Select(e => new Withdrawal(e.StudentId, byId[e.StudentId].Name, byId[e.StudentId].Group, e.Course, e.EndDate!.Value, e.EndReason, e.EndReasonCode,
                    e.Status == EnrolmentStatus.Transferred)))
            .OrderByDescending(w => w.On).ThenBy(w => w.Student, StringComparer.Ordinal).Take(MaxWithdrawals).ToList();
        var reasons = withdrawals.Where(w => !w.Transfer).GroupBy(w => w.Reason ?? "Not recorded").Select(g => (g.Key, g.Count()))
            .OrderByDescending(r => r.Item2).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        return new Result(yearStart, all, years, groups, courses, reasons, withdrawals);
    }

    /// <summary>The figures as tables for the cohort export (CSV or Excel).</summary>
    public static IReadOnlyList<ExportTable> Tables(Result r)
    {
        static IReadOnlyList<object?> Line(Row x) => [x.Name, x.Started, x.Retained, x.Withdrawn, x.Transferred, x.BeforeDayFortyTwo, x.Rate];
        string[] headings = ["Name", "Started", "Retained", "Withdrawn", "Transferred", "Left before day 42", "Retention %"];
        return
        [
            new ExportTable("Retention by year group", headings, [Line(r.All), .. r.Years.Select(Line)]),
            new ExportTable("Retention by tutor group", headings, [.. r.TutorGroups.Select(Line)]),
            new ExportTable("Retention by course", headings, [.. r.Courses.Select(Line)]),
            new ExportTable("Withdrawals", ["Student", "Tutor group", "Course", "Last day", "Reason", "ILR reason code", "Transfer"],
                [.. r.Withdrawals.Select(w => (IReadOnlyList<object?>)[w.Student, w.Group, w.What, w.On.ToString("yyyy-MM-dd"), w.Reason, w.Code, w.Transfer ? "yes" : "no"])]),
        ];
    }
}

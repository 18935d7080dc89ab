using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Caseload;

/// <summary>
/// "My caseload": every student the signed-in member of staff looks after, with the figures a tutor checks each morning,
/// ordered by who most needs attention, with the reasons in words. A fixed number of queries whatever the caseload
/// size: attendance comes from the weekly summaries, never from the raw marks.
/// </summary>
public sealed class GetCaseload(CaseloadDbContext db, TimeProvider? clock = null)
{
    public sealed record Request(StudentScope Scope, DateOnly Today, int? TutorStaffId = null);

    public sealed record Row(
        int Id, string ExternalId, string Name, string Initials, string? TutorGroup, string? Tutor,
        decimal? AttendanceTerm, decimal? AttendanceYear, decimal? AttendanceTrend, IReadOnlyList<decimal?> RecentWeeks,
        int LatesTerm, int SubjectsBelowTarget, int WorstGap, string? WorstSubject, int BehaviourTerm,
        IReadOnlyList<string> Flags, DateOnly? LastOneToOne, int Attention, IReadOnlyList<string> Reasons,
        int ReasonsOverdue = 0, DateOnly? OldestReasonOverdue = null, bool HasPhoto = false)
    {
        /// <summary>The early-warning score to one decimal place: the order of "needs attention" (the page shows it rounded).</summary>
        public decimal AttentionPoints { get; init; }
    }

    public sealed record Result(string TermName, DateOnly TermStart, string YearName, IReadOnlyList<Row> Rows, IReadOnlyList<(int StaffId, string Name)> Tutors,
        AttendanceBands Bands);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct = default)
    {
        var scope = request.Scope;
        var institutionId = scope.Viewer.InstitutionId;
        var calendar = await AcademicCalendar.ForAsync(db, institutionId, request.Today, ct);
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
        // are fetched by the students' ids. Each student's figures and early-warning score come from their summary
        // (StudentSummaries: the same code for the caseload, the cohort views, the API and exports), brought up to
        // today first when it is from an earlier day.
        var ids = people.Select(p => p.Id).ToList();
        await StudentSummaries.EnsureCurrentAsync(db, institutionId, ids, request.Today, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, ct);
        var summaries = new Dictionary<int, StudentSummary>();
        foreach (var chunk in ids.Chunk(10_000))
        {
            foreach (var s in await db.StudentSummaries.AsNoTracking().Where(s => chunk.Contains(s.StudentId)).ToListAsync(ct))
            {
                summaries[s.StudentId] = s;
            }
        }
        var spark = (await db.AttendanceWeeks.AsNoTracking()
                .Where(w => ids.Contains(w.StudentId) && w.WeekStart >= sparkStart)
                .Select(w => new { w.StudentId, w.WeekStart, w.Possible, Attended = w.Present + w.ApprovedActivity })
                .ToListAsync(ct))
            .ToLookup(w => w.StudentId);

        var tutors = await TutorsAsync(scope, ct);
        var photos = new HashSet<int>();
        foreach (var chunk in ids.Chunk(10_000))
        {
            photos.UnionWith(await db.StudentPhotos.AsNoTracking().Where(p => chunk.Contains(p.StudentId)).Select(p => p.StudentId).ToListAsync(ct));
        }

        var rows = people.Select(p =>
        {
            var s = summaries.GetValueOrDefault(p.Id);
            var term = s is null ? AttendanceFigures.Empty : StudentSummaries.Term(s);
            var year = s is null ? AttendanceFigures.Empty : StudentSummaries.Year(s);
            var weeks = Enumerable.Range(0, 8).Select(i => sparkStart.AddDays(7 * i))
                .Select(w => spark[p.Id].FirstOrDefault(x => x.WeekStart == w) is { } x ? new AttendanceFigures(x.Possible, x.Attended, 0, x.Possible - x.Attended, 0, 0, 0, 0).AttendancePercent : null)
                .ToList();
            var flags = StudentFlags.Describe(p.Disadvantaged, p.Send, p.Ehcp, p.LookedAfter, p.YoungCarer, p.Eal, p.MostAble);
            var first = p.PreferredName ?? p.FirstName;
            return new Row(p.Id, p.ExternalId, $"{first} {p.LastName}", Student.Initials(first, p.LastName), p.Group, p.Tutor,
                term.AttendancePercent, year.AttendancePercent, s?.AttendanceTrend, weeks, term.Lates, s?.SubjectsBelow ?? 0, s?.WorstGap ?? 0,
                s?.WorstSubject, s?.BehaviourTerm ?? 0, flags, null, s?.RiskScore ?? 0, s is null ? [] : StudentSummaries.Reasons(s),
                s?.ReasonsOverdue ?? 0, s?.OldestReasonOverdue, photos.Contains(p.Id))
            { AttentionPoints = s?.RiskPoints ?? 0 };
        })
        .OrderByDescending(r => r.AttentionPoints).ThenBy(r => r.AttendanceTerm ?? 101).ThenBy(r => r.Name)
        .ToList();
        var bands = await Institutions.SetAttendanceBands.ReadAsync(db, institutionId, ct);
        return new Result(calendar.TermName, calendar.TermStart, calendar.YearName, rows, tutors, bands);
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

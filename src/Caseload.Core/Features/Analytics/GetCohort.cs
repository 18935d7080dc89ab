using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Analytics;

/// <summary>
/// A cohort — the institution, a year group or a tutor group — as its leaders look at it: attendance, persistent and
/// severe absence, progress against target and the early-warning picture, broken down into its year or tutor groups,
/// and split by vulnerable group against everyone else in the cohort, with the gap. Only cohorts the viewer sees whole
/// are offered: the institution to those who see every student, their year groups to progress leaders, their tutor
/// groups (and their team's) to tutors and senior tutors. Read from the students' summaries.
/// </summary>
public sealed class GetCohort(CaseloadDbContext db, TimeProvider clock, CohortOptions? options = null)
{
    public enum Level
    {
        Institution,
        Year,
        Group,
    }

    public sealed record Choice(Level Level, string Key, string Name);

    public sealed record Line(string Name, CohortFigures Figures, string? Link = null);

    public sealed record GroupSplit(string Group, CohortFigures In, CohortFigures Others)
    {
        public decimal? AttendanceGap => CohortFigures.Gap(In.AttendancePercent, Others.AttendancePercent);
        public decimal? PersistentGap => CohortFigures.Gap(In.PersistentPercent, Others.PersistentPercent);
        public decimal? OnTargetGap => CohortFigures.Gap(In.OnTargetPercent, Others.OnTargetPercent);
    }

    public sealed record Result(Choice Cohort, IReadOnlyList<Choice> Choices, string YearName, Line Whole, string BreakdownBy,
        IReadOnlyList<Line> Breakdown, IReadOnlyList<GroupSplit> Vulnerable, AttendanceBands Bands, int SmallestGroup = SmallGroups.DefaultMinimum)
    {
        /// <summary>What a withheld group's count says instead.</summary>
        public string WithheldText => $"fewer than {SmallestGroup}";
    }

    /// <summary>The vulnerable groups the split shows, in order.</summary>
    public static readonly IReadOnlyList<string> Groups = ["Disadvantaged", "SEND", "Looked after", "Young carer", "EAL", "Most able"];

    public async Task<IReadOnlyList<Choice>> ChoicesAsync(StudentScope scope, CancellationToken ct = default)
    {
        var institutionId = scope.Viewer.InstitutionId;
        var choices = new List<Choice>();
        if (scope.WholeInstitution)
        {
            var name = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Name).FirstAsync(ct);
            choices.Add(new Choice(Level.Institution, "all", name));
        }
        var yearIds = scope.YearGroupIds;
        choices.AddRange((await db.YearGroups.AsNoTracking()
                .Where(y => y.InstitutionId == institutionId && (scope.WholeInstitution || yearIds.Contains(y.Id)))
                .OrderBy(y => y.Code).Select(y => new { y.Code, y.Name }).ToListAsync(ct))
            .Select(y => new Choice(Level.Year, y.Code, y.Name)));
        var groupIds = scope.TutorGroupIds;
        choices.AddRange((await db.TutorGroups.AsNoTracking()
                .Where(g => g.InstitutionId == institutionId && (scope.WholeInstitution || groupIds.Contains(g.Id) || yearIds.Contains(g.YearGroupId)))
                .OrderBy(g => g.Code).Select(g => g.Code).ToListAsync(ct))
            .Select(g => new Choice(Level.Group, g, $"Tutor group {g}")));
        return choices;
    }

    /// <summary>The cohort asked for (the widest offered when none is); null when it is not one the viewer may see.</summary>
    public async Task<Result?> HandleAsync(StudentScope scope, Level? level, string? key, DateOnly today, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.UseCohorts);
        var choices = await ChoicesAsync(scope, ct);
        var cohort = level is null ? choices.FirstOrDefault()
            : choices.FirstOrDefault(c => c.Level == level && string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
        if (cohort is null)
        {
            return null;
        }
        var institutionId = scope.Viewer.InstitutionId;
        var students = db.Students.Where(s => s.InstitutionId == institutionId && s.OnRoll);
        students = cohort.Level switch
        {
            Level.Year => students.Where(s => s.YearGroup!.Code == cohort.Key),
            Level.Group => students.Where(s => s.TutorGroup!.Code == cohort.Key),
            _ => students,
        };
        // Only the students whose summary is missing or from an earlier day are brought up to date (usually none).
        // A left join, not NOT EXISTS: the planner's statistics never know today's date yet, and with NOT EXISTS
        // PostgreSQL then chose a nested loop over every summary (170 ms for a year group instead of a few).
        var stale = await (
                from s in students
                join m in db.StudentSummaries on s.Id equals m.StudentId into found
                from m in found.DefaultIfEmpty()
                where m == null || m.AsOf != today
                select s.Id)
            .ToListAsync(ct);
        if (stale.Count > 0)
        {
            await StudentSummaries.RecomputeAsync(db, institutionId, stale, today, clock.GetUtcNow().UtcDateTime, ct);
        }
        var rows = await (
                from s in students
                join m in db.StudentSummaries on s.Id equals m.StudentId
                select new
                {
                    Year = s.YearGroup!.Code,
                    YearName = s.YearGroup.Name,
                    Group = s.TutorGroup == null ? null : s.TutorGroup.Code,
                    s.Disadvantaged,
                    s.Send,
                    s.Ehcp,
                    s.LookedAfter,
                    s.YoungCarer,
                    s.Eal,
                    s.MostAble,
                    m.YearPossible,
                    m.YearPresent,
                    m.YearApproved,
                    m.YearAuthorised,
                    m.YearUnauthorised,
                    m.YearLates,
                    m.YearLatesAfterClose,
                    m.YearMinutesLate,
                    m.SubjectsGraded,
                    m.SubjectsBelow,
                    m.RiskScore,
                })
            .AsNoTracking().ToListAsync(ct);
        var members = rows.Select(r => (
            Row: r,
            Flags: StudentFlags.Describe(r.Disadvantaged, r.Send, r.Ehcp, r.LookedAfter, r.YoungCarer, r.Eal, r.MostAble),
            Member: new CohortMember(new AttendanceFigures(r.YearPossible, r.YearPresent, r.YearApproved, r.YearAuthorised, r.YearUnauthorised,
                r.YearLates, r.YearLatesAfterClose, r.YearMinutesLate), r.SubjectsGraded, r.SubjectsBelow, r.RiskScore))).ToList();

        var whole = new Line(cohort.Name, CohortFigures.Of([.. members.Select(m => m.Member)]));
        var (by, breakdown) = cohort.Level switch
        {
            Level.Institution => ("Year group", members.GroupBy(m => (m.Row.Year, m.Row.YearName)).OrderBy(g => g.Key.Year)
                .Select(g => new Line(g.Key.YearName, CohortFigures.Of([.. g.Select(m => m.Member)]), $"?level=year&key={Uri.EscapeDataString(g.Key.Year)}")).ToList()),
            Level.Year => ("Tutor group", members.GroupBy(m => m.Row.Group ?? "No group").OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Line(g.Key, CohortFigures.Of([.. g.Select(m => m.Member)]), g.Key == "No group" ? null : $"?level=group&key={Uri.EscapeDataString(g.Key)}")).ToList()),
            _ => ("", new List<Line>()),
        };
        var vulnerable = Groups.Select(flag => new GroupSplit(flag,
                CohortFigures.Of([.. members.Where(m => m.Flags.Contains(flag)).Select(m => m.Member)]),
                CohortFigures.Of([.. members.Where(m => !m.Flags.Contains(flag)).Select(m => m.Member)])))
            .ToList();
        // Small groups: withheld, with whatever would give them away by subtraction.
        var minimum = (options ?? new CohortOptions()).SmallestGroup;
        whole = whole with { Figures = SmallGroups.Show(whole.Figures, minimum) };
        var hidden = SmallGroups.Withhold([.. breakdown.Select(l => l.Figures)], minimum);
        breakdown = [.. breakdown.Select((l, i) => hidden.Contains(i) ? l with { Figures = CohortFigures.WithheldFigures } : l)];
        vulnerable = [.. vulnerable.Select(v => SmallGroups.TooSmall(v.In, minimum) || SmallGroups.TooSmall(v.Others, minimum)
            ? new GroupSplit(v.Group, CohortFigures.WithheldFigures, CohortFigures.WithheldFigures) : v)];
        var calendar = await AcademicCalendar.ForAsync(db, institutionId, today, ct);
        var bands = await SetAttendanceBands.ReadAsync(db, institutionId, ct);
        return new Result(cohort, choices, calendar.YearName, whole, by, breakdown, vulnerable, bands, minimum);
    }
}

/// <summary>Cohort settings (section <c>Cohorts</c>).</summary>
public sealed class CohortOptions
{
    /// <summary>Groups of fewer students than this show "fewer than N" instead of figures (<see cref="SmallGroups"/>).</summary>
    public int SmallestGroup { get; set; } = SmallGroups.DefaultMinimum;
}

/// <summary>A cohort's tables as exported (CSV and Excel): the same figures the page shows, numbers as numbers.</summary>
public static class CohortExport
{
    private static readonly string[] Headings = ["Students", "Attendance %", "Persistent absentees", "Persistent absence %", "Severe absentees",
        "Subjects graded", "On or above target %", "Average risk score", $"High risk (score {CohortFigures.HighRiskFrom}+)"];

    private static object?[] Figures(CohortFigures f, string withheld) => f.Withheld
        ? [withheld, null, null, null, null, null, null, null, null]
        : [f.Students, f.AttendancePercent, f.Persistent, f.PersistentPercent, f.Severe, f.SubjectsGraded, f.OnTargetPercent, f.AverageRisk, f.HighRisk];

    public static IReadOnlyList<Exports.ExportTable> Tables(GetCohort.Result r)
    {
        var tables = new List<Exports.ExportTable>
        {
            new($"{r.Whole.Name} {r.YearName}", ["Cohort", .. Headings], [[r.Whole.Name, .. Figures(r.Whole.Figures, r.WithheldText)]]),
        };
        if (r.Breakdown.Count > 0)
        {
            tables.Add(new($"By {r.BreakdownBy.ToLowerInvariant()}", [r.BreakdownBy, .. Headings], [.. r.Breakdown.Select(l => (IReadOnlyList<object?>)[l.Name, .. Figures(l.Figures, r.WithheldText)])]));
        }
        tables.Add(new("Vulnerable groups", ["Group", "Students", "Attendance %", "Everyone else %", "Attendance gap (points)", "Persistent absence %",
                "Everyone else %", "Persistent absence gap (points)", "On or above target %", "Everyone else %", "On target gap (points)"],
            [.. r.Vulnerable.Select(v => (IReadOnlyList<object?>)[v.Group, v.In.Withheld ? r.WithheldText : v.In.Students, v.In.AttendancePercent, v.Others.AttendancePercent, v.AttendanceGap,
                v.In.PersistentPercent, v.Others.PersistentPercent, v.PersistentGap, v.In.OnTargetPercent, v.Others.OnTargetPercent, v.OnTargetGap])]));
        return tables;
    }
}

using Caseload.Core.Features.Caseload;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Features.Students;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caseload.Web.Api;

/// <summary>
/// <c>/api/v1</c>: the caseload and a student's record as JSON, for the same signed-in staff, decided by the same rules
/// as the pages (the core's <c>StudentScope</c>). A student the caller may not see is 404, like one that does not exist;
/// errors are RFC 9457 problem details. Reads of a student are audited like the profile page.
/// </summary>
internal static class ApiV1
{
    public const string Prefix = "/api/v1";

    /// <summary>True for requests to the API, which answer with problem details rather than pages.</summary>
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix);

    public static void MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Caseload API v1");

        api.MapGet("/caseload", GetCaseloadAsync).WithName("GetCaseload")
            .WithSummary("The caller's caseload, most in need of attention first")
            .WithDescription("Every student on roll the caller looks after (a tutor their caseload, a senior tutor their team, a progress leader their year or house, senior staff their institution), with the figures of the My caseload page and the reasons in words. The tutor parameter narrows it to one tutor's students within what the caller may see.");

        api.MapGet("/students/{id:int}", GetStudentAsync).WithName("GetStudent")
            .WithSummary("A student's header: name, year, tutor group, tutor, flags and contacts")
            .WithDescription("Flags, UPN and contacts are pastoral: a subject teacher who teaches the student gets the academic view without them. Audited as a read of the student's record.");

        api.MapGet("/students/{id:int}/attendance", GetAttendanceAsync).WithName("GetStudentAttendance")
            .WithSummary("A student's attendance: year and term totals, each week, and this term's register marks with their meanings")
            .WithDescription("Pastoral data: 404 for a caller with the academic view only. Percentages count present and approved educational activity over possible sessions (DfE rules; codes that are not possible sessions are left out).");

        api.MapGet("/students/{id:int}/attendance/dates", GetAttendanceForDatesAsync).WithName("GetStudentAttendanceForDates")
            .WithSummary("A student's attendance for any range of dates (from and to, inclusive, yyyy-MM-dd)")
            .WithDescription("Computed from the register marks by the same rules as every page: possible sessions, attendance and absence percentages, lates before and after the register closed, persistent (10% or more missed) and severe (50% or more) absence. At most 401 days. Pastoral data: 404 for a caller with the academic view only; 400 for a range that runs backwards or is too long.");

        api.MapGet("/students/{id:int}/grades", GetGradesAsync).WithName("GetStudentGrades")
            .WithSummary("A student's courses: target grade, the grade at each data point, and above, on or below target")
            .WithDescription("The gap is in grades of the course's scale: negative is below target. Each grade also has its gap and the change since the data point before.");

        api.MapGet("/cohorts", GetCohortAsync).WithName("GetCohort")
            .WithSummary("A cohort's figures: attendance, persistent and severe absence, progress against target, risk, by group and by vulnerable group")
            .WithDescription("level is institution, year or group, with key the year group or tutor group code (key 'all' for the institution); without them, the widest cohort the caller sees whole. The same figures as the Cohorts page and its exports. 404 for a cohort the caller does not see whole.");
    }

    /// <summary>A group's figures; a group too small to show (under <c>Cohorts:SmallestGroup</c>) has Withheld true and no numbers.</summary>
    public sealed record CohortFiguresResponse(int? Students, int? Possible, int? Attended, decimal? AttendancePercent, int? PersistentAbsentees,
        decimal? PersistentPercent, int? SevereAbsentees, decimal? SeverePercent, int? SubjectsGraded, int? SubjectsBelowTarget,
        decimal? OnOrAboveTargetPercent, decimal? AverageRiskScore, int? HighRisk, bool Withheld)
    {
        public static CohortFiguresResponse Of(Core.Rules.CohortFigures f) => f.Withheld
            ? new(null, null, null, null, null, null, null, null, null, null, null, null, null, true)
            : new(f.Students, f.Attendance.Possible, f.Attendance.Attended,
                f.AttendancePercent, f.Persistent, f.PersistentPercent, f.Severe, f.SeverePercent, f.SubjectsGraded, f.SubjectsBelow, f.OnTargetPercent,
                f.AverageRisk, f.HighRisk, false);
    }

    public sealed record CohortLineResponse(string Name, CohortFiguresResponse Figures);

    public sealed record VulnerableGroupResponse(string Group, CohortFiguresResponse InGroup, CohortFiguresResponse EveryoneElse,
        decimal? AttendanceGapPoints, decimal? PersistentAbsenceGapPoints, decimal? OnTargetGapPoints);

    public sealed record CohortResponse(string Level, string Key, string Name, string Year, CohortFiguresResponse Figures, string? BreakdownBy,
        IReadOnlyList<CohortLineResponse> Breakdown, IReadOnlyList<VulnerableGroupResponse> VulnerableGroups);

    private static async Task<Results<Ok<CohortResponse>, ProblemHttpResult>> GetCohortAsync(
        CurrentViewer current, Core.Features.Analytics.GetCohort cohorts, TimeProvider clock, string? level, string? key, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotSignedIn();
        }
        Core.Features.Analytics.GetCohort.Level? l = level is null ? null
            : Enum.TryParse<Core.Features.Analytics.GetCohort.Level>(level, ignoreCase: true, out var parsed) ? parsed : (Core.Features.Analytics.GetCohort.Level)(-1);
        if (await cohorts.HandleAsync(scope, l, key, Today(clock), ct) is not { } r)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "There is no such cohort, or you do not see all of it. Levels: institution (key all), year (a year group code), group (a tutor group code).");
        }
        return TypedResults.Ok(new CohortResponse(r.Cohort.Level.ToString().ToLowerInvariant(), r.Cohort.Key, r.Cohort.Name, r.YearName,
            CohortFiguresResponse.Of(r.Whole.Figures), r.BreakdownBy.Length == 0 ? null : r.BreakdownBy,
            [.. r.Breakdown.Select(b => new CohortLineResponse(b.Name, CohortFiguresResponse.Of(b.Figures)))],
            [.. r.Vulnerable.Select(v => new VulnerableGroupResponse(v.Group, CohortFiguresResponse.Of(v.In), CohortFiguresResponse.Of(v.Others),
                v.AttendanceGap, v.PersistentGap, v.OnTargetGap))]));
    }

    public sealed record CaseloadStudent(int Id, string StudentId, string Name, string? TutorGroup, string? Tutor,
        decimal? AttendanceTermPercent, decimal? AttendanceYearPercent, decimal? AttendanceTrendPoints, int LatesTerm,
        int SubjectsBelowTarget, int WorstGap, string? WorstSubject, int BehaviourPointsTerm, IReadOnlyList<string> Flags,
        int Attention, IReadOnlyList<string> Reasons);

    public sealed record CaseloadResponse(string Year, string Term, DateOnly TermStart, int Count, IReadOnlyList<CaseloadStudent> Students);

    public sealed record StudentContactResponse(string Name, string Relationship, string? Phone, string? Email, bool ParentalResponsibility);

    public sealed record StudentResponse(int Id, string StudentId, string Name, string? Upn, DateOnly DateOfBirth, string Year,
        string? TutorGroup, string? Tutor, string View, IReadOnlyList<string> Flags, IReadOnlyList<StudentContactResponse> Contacts);

    public sealed record AttendanceTotals(int Possible, int Present, int ApprovedActivity, int AuthorisedAbsence,
        int UnauthorisedAbsence, int Lates, int LatesAfterClose, int MinutesLate, decimal? Percent, decimal? AbsencePercent,
        bool PersistentAbsence, bool SevereAbsence);

    public sealed record AttendanceWeekResponse(DateOnly WeekStart, int Possible, int Attended, int AuthorisedAbsence,
        int UnauthorisedAbsence, int Lates, decimal? Percent);

    public sealed record AttendanceMarkResponse(DateOnly Date, string Session, string Code, string Meaning, int? MinutesLate);

    public sealed record AttendanceResponse(int StudentId, string Term, AttendanceTotals? Year, AttendanceTotals? TermTotals,
        IReadOnlyList<AttendanceWeekResponse> Weeks, IReadOnlyList<AttendanceMarkResponse> Marks);

    public sealed record GradeAtResponse(string DataPoint, DateOnly Date, string Grade, int? Gap, string? Change, int? Effort);

    public sealed record CourseGradesResponse(string Course, string Qualification, string? Teacher, string? TargetGrade, string? AspirationalGrade,
        string? LatestGrade, int? Gap, string Status, IReadOnlyList<GradeAtResponse> Grades);

    public sealed record GradesResponse(int StudentId, IReadOnlyList<CourseGradesResponse> Courses);

    private static async Task<Results<Ok<CaseloadResponse>, ProblemHttpResult>> GetCaseloadAsync(
        CurrentViewer current, CaseloadCache caseload, TimeProvider clock, int? tutor, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotSignedIn();
        }
        var result = await caseload.HandleAsync(new GetCaseload.Request(scope, Today(clock), tutor), ct);
        return TypedResults.Ok(new CaseloadResponse(result.YearName, result.TermName, result.TermStart, result.Rows.Count,
            [.. result.Rows.Select(r => new CaseloadStudent(r.Id, r.ExternalId, r.Name, r.TutorGroup, r.Tutor, r.AttendanceTerm,
                r.AttendanceYear, r.AttendanceTrend, r.LatesTerm, r.SubjectsBelowTarget, r.WorstGap, r.WorstSubject, r.BehaviourTerm,
                r.Flags, r.Attention, r.Reasons))]));
    }

    private static async Task<Results<Ok<StudentResponse>, ProblemHttpResult>> GetStudentAsync(
        int id, CurrentViewer current, GetStudentProfile profiles, TimeProvider clock, CancellationToken ct)
    {
        var p = await ProfileAsync(id, current, profiles, clock, GetStudentProfile.Sections.Header, ct);
        if (p is null)
        {
            return StudentNotFound(id);
        }
        var h = p.Header;
        return TypedResults.Ok(new StudentResponse(h.Id, h.ExternalId, h.Name, h.Upn, h.DateOfBirth, h.Year, h.TutorGroup, h.Tutor,
            p.View == Core.Security.StudentView.Pastoral ? "pastoral" : "academic", h.Flags,
            [.. p.Contacts.Select(c => new StudentContactResponse(c.Name, c.Relationship, c.Phone, c.Email, c.ParentalResponsibility))]));
    }

    private static async Task<Results<Ok<AttendanceResponse>, ProblemHttpResult>> GetAttendanceAsync(
        int id, CurrentViewer current, GetStudentProfile profiles, TimeProvider clock, CancellationToken ct)
    {
        var p = await ProfileAsync(id, current, profiles, clock, GetStudentProfile.Sections.Attendance, ct);
        if (p is null || p.View != Core.Security.StudentView.Pastoral)
        {
            return StudentNotFound(id);
        }
        var meanings = p.Codes.ToDictionary(c => c.Code, c => c.Description);
        return TypedResults.Ok(new AttendanceResponse(id, p.TermName, Totals(p.Year), Totals(p.Term),
            [.. p.Weeks.Select(w => new AttendanceWeekResponse(w.Start, w.Possible, w.Attended, w.Authorised, w.Unauthorised, w.Lates, w.Percent))],
            [.. p.Marks.Select(m => new AttendanceMarkResponse(m.Date, m.Session, m.Code, meanings.GetValueOrDefault(m.Code, "unknown code"), m.MinutesLate))]));
    }

    public sealed record AttendanceForDatesResponse(int StudentId, DateOnly From, DateOnly To, AttendanceTotals Totals);

    private static async Task<Results<Ok<AttendanceForDatesResponse>, ProblemHttpResult>> GetAttendanceForDatesAsync(
        int id, DateOnly from, DateOnly to, CurrentViewer current, Core.Features.Attendance.GetAttendanceForDates attendance, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotSignedIn();
        }
        var figures = await attendance.HandleAsync(scope, id, from, to, ct);
        return figures is null ? StudentNotFound(id) : TypedResults.Ok(new AttendanceForDatesResponse(id, from, to, Totals(figures)!));
    }

    private static async Task<Results<Ok<GradesResponse>, ProblemHttpResult>> GetGradesAsync(
        int id, CurrentViewer current, GetStudentProfile profiles, TimeProvider clock, CancellationToken ct)
    {
        var p = await ProfileAsync(id, current, profiles, clock, GetStudentProfile.Sections.Grades, ct);
        if (p is null)
        {
            return StudentNotFound(id);
        }
        return TypedResults.Ok(new GradesResponse(id, [.. p.Subjects.Select(s => new CourseGradesResponse(s.Course, s.Qualification,
            s.Teacher, s.Target, s.Aspirational, s.Latest, s.Gap, s.Status,
            [.. s.Grades.Select(g => new GradeAtResponse(g.DataPoint, g.Date, g.Grade, g.Gap, g.Change, g.Effort))]))]));
    }

    private static async Task<GetStudentProfile.Profile?> ProfileAsync(int id, CurrentViewer current, GetStudentProfile profiles, TimeProvider clock,
        GetStudentProfile.Sections sections, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        return scope is null ? null : await profiles.HandleAsync(scope, id, Today(clock), sections, ct);
    }

    private static AttendanceTotals? Totals(Core.Rules.AttendanceFigures? t) => t is null ? null
        : new AttendanceTotals(t.Possible, t.Present, t.ApprovedActivity, t.AuthorisedAbsence, t.UnauthorisedAbsence, t.Lates,
            t.LatesAfterClose, t.MinutesLate, t.AttendancePercent, t.AbsencePercent, t.PersistentAbsence, t.SevereAbsence);

    private static DateOnly Today(TimeProvider clock) => clock.Today();

    private static ProblemHttpResult StudentNotFound(int id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Student not found", detail: $"There is no student {id} whose record you may see.");

    private static ProblemHttpResult NotSignedIn() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Not signed in", detail: "Sign in at /sign-in; the API uses the same session as the pages.");
}

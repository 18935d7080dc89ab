using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>One course change as the viewer sees it: what was asked and why, its effect (as of its date once actioned,
/// as of today before), who did each step, and what the viewer may do next.</summary>
public sealed class GetCourseChange(CourseChangeAccess access, ActionCourseChange action)
{
    public sealed record View(CourseChange Change, string Student, string? StudentGroup, string? From, string? To, string Reason, int ReasonCode,
        StudyProgramme.Effect Effect, IReadOnlyDictionary<int, string> People, string? WhyNotDecide, bool MayAction, bool MayCancel,
        DateOnly? LastPresent, string Authoriser)
    {
        public string Summary => CourseChangeWords.Summary(Change.Kind, From, To);
        public bool MayDecide => WhyNotDecide is null && Change.Status == CourseChangeStatus.Requested;
        public string? Name(int? staffId) => staffId is { } id && People.TryGetValue(id, out var n) ? n : null;
    }

    public async Task<View?> HandleAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var db = access.Db;
        var c = await access.Visible(scope).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var student = await db.Students.AsNoTracking().Where(s => s.Id == c.StudentId)
            .Select(s => new { Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, Group = s.TutorGroup == null ? null : s.TutorGroup.Code })
            .FirstAsync(ct);
        var courseIds = new[] { c.FromCourseId, c.ToCourseId }.OfType<int>().ToList();
        var courses = await db.Courses.AsNoTracking().Where(x => courseIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var reason = await db.ChangeReasons.AsNoTracking().FirstAsync(r => r.Id == c.ReasonId, ct);
        var seniors = await access.SeniorTutorsOf(c.StudentId).ToListAsync(ct);
        var ids = new[] { c.RequestedByStaffId, c.DecidedByStaffId, c.ActionedByStaffId }.OfType<int>().Concat(seniors).Distinct().ToList();
        var people = await db.Staff.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var authoriser = seniors.Where(s => s != c.RequestedByStaffId).Select(s => people[s]).FirstOrDefault() is { } name
            ? $"{name} (senior tutor) or a senior leader" : "a senior leader";
        var lastPresent = c.Status == CourseChangeStatus.Authorised ? await action.LastPresentAsync(c.InstitutionId, c.StudentId, ct) : null;
        var on = c.EffectiveOn ?? lastPresent ?? access.Today;
        var effect = c.Status == CourseChangeStatus.Actioned
            ? await EffectAtTheTimeAsync(c, on, ct)
            : await CourseChangeEffect.OfAsync(db, c.InstitutionId, c.StudentId, c.Kind, c.FromCourseId, c.ToCourseId, on, ct);
        var v = scope.Viewer;
        return new View(c, student.Name, student.Group, c.FromCourseId is { } f ? courses[f] : null, c.ToCourseId is { } t ? courses[t] : null,
            reason.Name, reason.IlrCode, effect, people, await access.WhyNotDecideAsync(v, c, ct),
            c.Status == CourseChangeStatus.Authorised && v.May(Operation.ActionCourseChanges),
            c.Status is CourseChangeStatus.Requested or CourseChangeStatus.Authorised && (c.RequestedByStaffId == v.StaffId || v.May(Operation.ActionCourseChanges)),
            lastPresent, authoriser);
    }

    /// <summary>An actioned change's effect as it was: the programme just before the date, from the enrolments kept.</summary>
    private async Task<StudyProgramme.Effect> EffectAtTheTimeAsync(CourseChange c, DateOnly on, CancellationToken ct)
    {
        var db = access.Db;
        var rows = await db.Enrolments.AsNoTracking().Where(e => e.StudentId == c.StudentId)
            .Select(e => new { e.CourseId, e.Course!.Code, e.Course.Name, e.Course.PlannedHours, e.StartDate, e.EndDate, e.Course.ConditionSubject }).ToListAsync(ct);
        var before = rows.Where(e => e.CourseId != c.ToCourseId && (e.StartDate ?? on) <= on && (e.EndDate is null || e.EndDate >= on))
            .Select(e => new StudyProgramme.Course(e.CourseId, e.Code, e.Name, e.PlannedHours, e.StartDate ?? on, e.ConditionSubject)).ToList();
        var joined = rows.FirstOrDefault(e => e.CourseId == c.ToCourseId) is { } j
            ? new StudyProgramme.Course(j.CourseId, j.Code, j.Name, j.PlannedHours, j.StartDate ?? on, j.ConditionSubject) : null;
        IReadOnlyCollection<int> leaving = c.Kind == CourseChangeKind.Withdraw ? [.. before.Select(x => x.Id)] : c.FromCourseId is { } from ? [from] : [];
        return StudyProgramme.Of(before, leaving, joined, on, c.Kind == CourseChangeKind.Withdraw);
    }
}

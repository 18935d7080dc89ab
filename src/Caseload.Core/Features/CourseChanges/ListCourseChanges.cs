using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>The course changes the viewer sees, newest first: those waiting for them (to authorise, or to action), then
/// the rest; at most <see cref="MaxRows"/>, optionally one student's.</summary>
public sealed class ListCourseChanges(CourseChangeAccess access)
{
    public const int MaxRows = 500;

    public sealed record Line(long Id, int StudentId, string Student, string? Group, CourseChangeKind Kind, string? From, string? To, string Reason,
        CourseChangeStatus Status, DateTime RequestedAt, string RequestedBy, DateOnly? EffectiveOn, bool WaitingForYou)
    {
        public string Summary => CourseChangeWords.Summary(Kind, From, To);
    }

    public async Task<IReadOnlyList<Line>> HandleAsync(StudentScope scope, int? studentId = null, CancellationToken ct = default)
    {
        var db = access.Db;
        var v = scope.Viewer;
        var seniorLeader = v.Has(Roles.SeniorLeader);
        var authoriser = v.May(Operation.AuthoriseCourseChanges);
        var actioner = v.May(Operation.ActionCourseChanges);
        var me = v.StaffId;
        var myTutors = db.TutorTeamMembers.Where(t => t.SeniorTutorStaffId == me).Select(t => t.TutorStaffId);
        var rows = await access.Visible(scope).AsNoTracking()
            .Where(c => studentId == null || c.StudentId == studentId)
            .OrderByDescending(c => c.RequestedAt).Take(MaxRows)
            .Select(c => new
            {
                c.Id,
                c.StudentId,
                Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                Group = db.Students.Where(s => s.Id == c.StudentId).Select(s => s.TutorGroup == null ? null : s.TutorGroup.Code).First(),
                Tutor = db.Students.Where(s => s.Id == c.StudentId).Select(s => s.TutorGroup == null ? null : s.TutorGroup.TutorStaffId).First(),
                c.Kind,
                From = db.Courses.Where(x => x.Id == c.FromCourseId).Select(x => x.Name).FirstOrDefault(),
                To = db.Courses.Where(x => x.Id == c.ToCourseId).Select(x => x.Name).FirstOrDefault(),
                Reason = db.ChangeReasons.Where(r => r.Id == c.ReasonId).Select(r => r.Name).First(),
                c.Status,
                c.RequestedAt,
                c.RequestedByStaffId,
                RequestedBy = db.Staff.Where(s => s.Id == c.RequestedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                c.EffectiveOn,
            })
            .ToListAsync(ct);
        var tutors = authoriser && !seniorLeader ? (await myTutors.ToListAsync(ct)).Append(me).ToHashSet() : [];
        return [.. rows.Select(r => new Line(r.Id, r.StudentId, r.Student, r.Group, r.Kind, r.From, r.To, r.Reason, r.Status, r.RequestedAt, r.RequestedBy, r.EffectiveOn,
                (r.Status == CourseChangeStatus.Requested && r.RequestedByStaffId != me && (seniorLeader || (authoriser && r.Tutor is { } t && tutors.Contains(t))))
                || (r.Status == CourseChangeStatus.Authorised && actioner)))
            .OrderByDescending(l => l.WaitingForYou).ThenByDescending(l => l.RequestedAt)];
    }
}

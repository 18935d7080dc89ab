using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>
/// Who sees and acts on course changes — the one place for it (decision 0020). A change is seen by whoever sees the
/// student's pastoral record (administrators see the whole institution); requested by pastoral staff and student
/// services; authorised or refused by the student's senior tutor (the senior tutor of their tutor's team, or a senior tutor
/// who tutors the group), or by a senior leader — never by the person who requested it; actioned by an administrator once
/// authorised. Anything else is "not found" or refused with why.
/// </summary>
public sealed class CourseChangeAccess(CaseloadDbContext db, TimeProvider clock)
{
    public CaseloadDbContext Db => db;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => clock.Today();

    /// <summary>The course changes of the students whose pastoral record the viewer sees.</summary>
    public IQueryable<CourseChange> Visible(StudentScope scope)
    {
        var students = scope.Pastoral(db).Select(s => s.Id);
        return db.CourseChanges.Where(c => c.InstitutionId == scope.Viewer.InstitutionId && students.Contains(c.StudentId));
    }

    /// <summary>The senior tutors who authorise a student's changes (<see cref="SeniorTutors"/>).</summary>
    public IQueryable<int> SeniorTutorsOf(int studentId) => SeniorTutors.Of(db, studentId);

    /// <summary>Why the viewer may not authorise or refuse this change, or null when they may.</summary>
    public async Task<string?> WhyNotDecideAsync(Viewer viewer, CourseChange change, CancellationToken ct)
    {
        if (!viewer.May(Operation.AuthoriseCourseChanges))
        {
            return "only the student's senior tutor or a senior leader can authorise a course change";
        }
        if (change.RequestedByStaffId == viewer.StaffId)
        {
            return "you requested this change, so someone else must authorise it (the student's senior tutor or a senior leader)";
        }
        if (viewer.Has(Roles.SeniorLeader) || await SeniorTutorsOf(change.StudentId).ContainsAsync(viewer.StaffId, ct))
        {
            return null;
        }
        return "only the student's own senior tutor or a senior leader can authorise a course change";
    }

    /// <summary>A change the viewer sees, tracked for a change, checked against the version they saw.</summary>
    public async Task<CourseChange?> ForChangeAsync(StudentScope scope, long id, int version, CancellationToken ct)
    {
        var change = await Visible(scope).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is not null && change.Version != version)
        {
            var by = new[] { change.ActionedByStaffId, change.DecidedByStaffId, (int?)change.RequestedByStaffId }.OfType<int>().First();
            throw await VersionedSave.LostToAsync(db, "this course change", $"staff:{by}", change.ActionedAt ?? change.DecidedAt ?? change.RequestedAt, ct);
        }
        return change;
    }
}

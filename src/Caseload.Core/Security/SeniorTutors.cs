using Caseload.Core.Data;
using Caseload.Core.Domain;

namespace Caseload.Core.Security;

/// <summary>A student's senior tutors: the leader of their tutor's team, or their tutor when the tutor is a senior tutor
/// keeping a group of their own. Who authorises their course changes and checks their references.</summary>
public static class SeniorTutors
{
    public static IQueryable<int> Of(CaseloadDbContext db, int studentId)
    {
        var tutor = db.Students.Where(s => s.Id == studentId && s.TutorGroup != null).Select(s => s.TutorGroup!.TutorStaffId);
        var leaders = db.TutorTeamMembers.Where(t => tutor.Contains(t.TutorStaffId)).Select(t => t.SeniorTutorStaffId);
        var selves = db.StaffRoles.Where(r => r.Role == Roles.SeniorTutor && tutor.Contains(r.StaffId)).Select(r => r.StaffId);
        return leaders.Union(selves);
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.OneToOnes;

/// <summary>One 1:1 meeting's record with the targets it set and reviewed; null when the viewer does not see the
/// student's pastoral record.</summary>
public sealed class GetOneToOne(CaseloadDbContext db)
{
    public sealed record View(OneToOneMeeting Meeting, string Student, string HeldBy, IReadOnlyList<PlanTarget> Set, IReadOnlyList<PlanTarget> Reviewed);

    public async Task<View?> HandleAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var m = await db.OneToOneMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.DeletedAt == null, ct);
        if (m is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == m.StudentId, ct))
        {
            return null;
        }
        var student = await db.Students.Where(s => s.Id == m.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstAsync(ct);
        var by = await db.Staff.Where(s => s.Id == m.StaffId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
        var targets = await db.PlanTargets.AsNoTracking().Where(t => t.SetInMeetingId == id || t.ReviewedInMeetingId == id).OrderBy(t => t.Id).ToListAsync(ct);
        return new View(m, student, by, [.. targets.Where(t => t.SetInMeetingId == id)], [.. targets.Where(t => t.ReviewedInMeetingId == id)]);
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.OneToOnes;

/// <summary>How a recorded 1:1 is changed: only by those who see the student's pastoral record, against the version they
/// saw, keeping who and when (the audit log keeps the text before and after).</summary>
public sealed class OneToOneChanges(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string Actor => actor.Name;

    /// <returns>False when there is no such meeting the viewer may see.</returns>
    public async Task<bool> ChangeAsync(StudentScope scope, long id, int expectedVersion, Action<OneToOneMeeting> change, CancellationToken ct)
    {
        var m = await db.OneToOneMeetings.FirstOrDefaultAsync(x => x.Id == id && x.DeletedAt == null, ct);
        if (m is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == m.StudentId, ct))
        {
            return false;
        }
        db.Entry(m).Property(x => x.Version).OriginalValue = expectedVersion;
        change(m);
        (m.UpdatedAt, m.UpdatedBy) = (Now, actor.Name);
        await VersionedSave.SaveAsync(db, "This 1:1 record", ct);
        return true;
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.ParentContacts;

/// <summary>How a logged contact is changed: by those who see the student's pastoral record, against the version they
/// saw, keeping who and when (the audit log keeps the text before and after).</summary>
public sealed class ParentContactChanges(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string Actor => actor.Name;

    /// <returns>False when there is no such contact the viewer may see.</returns>
    public async Task<bool> ChangeAsync(StudentScope scope, long id, int expectedVersion, Action<ParentContact> change, CancellationToken ct)
    {
        var c = await db.ParentContacts.FirstOrDefaultAsync(x => x.Id == id && x.DeletedAt == null, ct);
        if (c is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == c.StudentId, ct))
        {
            return false;
        }
        db.Entry(c).Property(x => x.Version).OriginalValue = expectedVersion;
        change(c);
        (c.UpdatedAt, c.UpdatedBy) = (Now, actor.Name);
        await VersionedSave.SaveAsync(db, "This contact", ct);
        return true;
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.OneToOnes;

/// <summary>Changes one action-plan target's status between meetings, against the version the caller saw.</summary>
public sealed class SetTargetStatus(CaseloadDbContext db)
{
    public async Task<bool> HandleAsync(StudentScope scope, long targetId, int expectedVersion, PlanTargetStatus status, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ValidationException("choose the target's status: open, achieved, partly achieved, not achieved or dropped");
        }
        var t = await db.PlanTargets.FirstOrDefaultAsync(x => x.Id == targetId, ct);
        if (t is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == t.StudentId, ct))
        {
            return false;
        }
        db.Entry(t).Property(x => x.Version).OriginalValue = expectedVersion;
        t.Status = status;
        await VersionedSave.SaveAsync(db, "This target", ct);
        return true;
    }
}

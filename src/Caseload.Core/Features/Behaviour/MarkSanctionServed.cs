using Caseload.Core.Data;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>Marks a sanction as served.</summary>
public sealed class MarkSanctionServed(CaseloadDbContext db)
{
    public async Task<bool> HandleAsync(StudentScope scope, long sanctionId, CancellationToken ct = default)
    {
        var s = await db.Sanctions.FirstOrDefaultAsync(x => x.Id == sanctionId, ct);
        if (s is null || !await scope.Pastoral(db).AnyAsync(x => x.Id == s.StudentId, ct))
        {
            return false;
        }
        s.Served = true;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

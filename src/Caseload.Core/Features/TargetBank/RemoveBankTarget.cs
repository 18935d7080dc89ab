using Caseload.Core.Data;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.TargetBank;

/// <summary>Takes a model target out of the bank (kept, inactive); targets already set from it are untouched.</summary>
public sealed class RemoveBankTarget(CaseloadDbContext db)
{
    public async Task<bool> HandleAsync(Viewer viewer, int id, CancellationToken ct = default)
    {
        viewer.Demand(Operation.UseTargetBank);
        var b = await db.BankTargets.FirstOrDefaultAsync(x => x.Id == id && x.InstitutionId == viewer.InstitutionId && x.Active, ct);
        if (b is null)
        {
            return false;
        }
        b.Active = false;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

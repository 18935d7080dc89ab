using Caseload.Core.Data;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>Takes a student off report today.</summary>
public sealed class EndReport(CaseloadDbContext db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(StudentScope scope, long reportId, CancellationToken ct = default)
    {
        var report = await db.OnReports.FirstOrDefaultAsync(r => r.Id == reportId && r.To == null, ct);
        if (report is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == report.StudentId, ct))
        {
            return false;
        }
        report.To = clock.Today();
        await db.SaveChangesAsync(ct);
        return true;
    }
}

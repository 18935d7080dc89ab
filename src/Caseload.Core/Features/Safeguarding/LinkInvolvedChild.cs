using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The safeguarding team links a concern recorded for one child to the record of another child involved in it: from
/// then on that child's chronology shows the concern in full, with the other children's names.
/// </summary>
public sealed class LinkInvolvedChild(ReferralAccess access)
{
    /// <returns>False when there is no such involvement in a concern the viewer (the team) may act on.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long involvementId, CancellationToken ct = default)
    {
        var db = access.Db;
        var involvement = await db.SafeguardingInvolvements.FirstOrDefaultAsync(i => i.Id == involvementId && i.InstitutionId == scope.Viewer.InstitutionId, ct);
        if (involvement is null || await SafeguardingWorkflow.ConcernAsync(access, scope, involvement.ReferralId, ct) is null
            || !await access.SafeguardingStudents(scope.Viewer).ContainsAsync(involvement.StudentId, ct))
        {
            return false;
        }
        if (involvement.LinkedAt is null)
        {
            (involvement.LinkedAt, involvement.LinkedByStaffId) = (access.Now, scope.Viewer.StaffId);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}

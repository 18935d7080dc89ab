using Caseload.Core.Domain;
using Caseload.Core.Security;

namespace Caseload.Core.Features.Referrals;

/// <summary>The receiver acknowledges a referral waiting for them: the clock of "time to acknowledge" stops.</summary>
public sealed class AcknowledgeReferral(ReferralAccess access)
{
    public Task<bool> HandleAsync(StudentScope scope, long id, int expectedVersion, CancellationToken ct = default) =>
        access.ChangeAsync(scope, id, expectedVersion, (r, now) =>
        {
            if (r.Status != ReferralStatus.Raised)
            {
                throw new ValidationException("the referral has already been acknowledged");
            }
            (r.Status, r.AcknowledgedAt, r.AcknowledgedByStaffId) = (ReferralStatus.Acknowledged, now, scope.Viewer.StaffId);
        }, ct);
}

using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Referrals;

/// <summary>Closes a referral with its outcome.</summary>
public sealed class CloseReferral(ReferralAccess access)
{
    public Task<bool> HandleAsync(StudentScope scope, long id, int expectedVersion, string outcome, CancellationToken ct = default) =>
        access.ChangeAsync(scope, id, expectedVersion, (r, now) =>
        {
            if (r.Status == ReferralStatus.Closed)
            {
                throw new ValidationException("the referral is already closed");
            }
            r.Outcome = FreeText.Required(outcome, "the outcome");
            r.AcknowledgedAt ??= now;
            r.AcknowledgedByStaffId ??= scope.Viewer.StaffId;
            (r.Status, r.ClosedAt, r.ClosedByStaffId) = (ReferralStatus.Closed, now, scope.Viewer.StaffId);
        }, ct);
}

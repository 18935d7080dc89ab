using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Referrals;

/// <summary>Records what was done about a referral (acknowledging it too, if nobody had); each action is dated.</summary>
public sealed class ActOnReferral(ReferralAccess access)
{
    public Task<bool> HandleAsync(StudentScope scope, long id, int expectedVersion, string actionTaken, CancellationToken ct = default) =>
        access.ChangeAsync(scope, id, expectedVersion, (r, now) =>
        {
            var text = FreeText.Required(actionTaken, "what was done");
            if (r.Status == ReferralStatus.Closed)
            {
                throw new ValidationException("the referral is closed");
            }
            if (r.AcknowledgedAt is null)
            {
                (r.AcknowledgedAt, r.AcknowledgedByStaffId) = (now, scope.Viewer.StaffId);
            }
            r.ActionTaken = r.ActionTaken is null ? text : $"{r.ActionTaken}\n{now:d MMM yyyy}: {text}";
            r.ActedAt ??= now;
            r.ActedByStaffId ??= scope.Viewer.StaffId;
            r.Status = ReferralStatus.ActedOn;
        }, ct);
}

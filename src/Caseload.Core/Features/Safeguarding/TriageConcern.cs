using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The safeguarding team's decision on a concern and the reasons for it (KCSIE: record decisions and why), added to the
/// child's chronology. A concern still "raised" becomes acknowledged; a decision to refer outside (children's social
/// care, police, Prevent) or to Early Help marks it acted on. Against the concern's version, so two leads deciding at
/// once cannot overwrite each other.
/// </summary>
public sealed class TriageConcern(ReferralAccess access, TimeProvider clock)
{
    /// <returns>False when there is no such concern the viewer may act on.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long referralId, int expectedVersion, SafeguardingDecision? decision, string? reasons, CancellationToken ct = default)
    {
        if (!scope.Viewer.May(Operation.ReadSafeguarding))
        {
            return false;
        }
        var concern = await access.Readable(scope).AsNoTracking().Where(r => r.Id == referralId && r.Restricted).Select(r => new { r.StudentId, r.InstitutionId, r.Status }).FirstOrDefaultAsync(ct);
        if (concern is null)
        {
            return false;
        }
        if (decision is not { } d || !Enum.IsDefined(d))
        {
            throw new ValidationException("choose the decision: monitor, support in school, Early Help, children's social care, police or Prevent");
        }
        if (concern.Status == ReferralStatus.Closed)
        {
            throw new ValidationException("this concern is closed; add a note to the chronology instead");
        }
        var text = FreeText.Required(reasons, "the reasons for the decision");
        var me = scope.Viewer.StaffId;
        access.Db.SafeguardingEntries.Add(new SafeguardingEntry
        {
            InstitutionId = concern.InstitutionId,
            StudentId = concern.StudentId,
            ReferralId = referralId,
            Kind = SafeguardingEntryKind.Triage,
            Decision = d,
            OccurredOn = clock.Today(),
            RecordedAt = access.Now,
            RecordedByStaffId = me,
            Text = text,
        });
        return await access.ChangeAsync(scope, referralId, expectedVersion, (r, now) =>
        {
            if (r.Status == ReferralStatus.Raised)
            {
                r.Status = ReferralStatus.Acknowledged;
                r.AcknowledgedAt = now;
                r.AcknowledgedByStaffId = me;
            }
            if (d is not (SafeguardingDecision.Monitor or SafeguardingDecision.SupportInSchool) && r.ActedAt is null)
            {
                r.Status = ReferralStatus.ActedOn;
                r.ActedAt = now;
                r.ActedByStaffId = me;
            }
        }, ct);
    }
}

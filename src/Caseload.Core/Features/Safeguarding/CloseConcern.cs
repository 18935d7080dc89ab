using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The safeguarding team closes a concern with its outcome and the reason. A concern is not left open just to watch the
/// child: closing it with a monitoring review date puts a monitoring period in the chronology, and the review reaches
/// the team's inbox on that date. Against the concern's version.
/// </summary>
public sealed class CloseConcern(ReferralAccess access, TimeProvider clock)
{
    /// <returns>False when there is no such concern the viewer may act on.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long referralId, int expectedVersion, string? outcome, DateOnly? monitorUntil, CancellationToken ct = default)
    {
        var concern = await SafeguardingWorkflow.ConcernAsync(access, scope, referralId, ct);
        if (concern is null)
        {
            return false;
        }
        if (concern.Status == ReferralStatus.Closed)
        {
            throw new ValidationException("this concern is already closed");
        }
        var text = FreeText.Required(outcome, "the outcome and why the concern can close");
        var today = clock.Today();
        DateOnly? review = monitorUntil is null ? null : SafeguardingWorkflow.Ahead(monitorUntil, today, "the monitoring review date");
        var me = scope.Viewer.StaffId;
        var db = access.Db;
        db.SafeguardingEntries.Add(new SafeguardingEntry
        {
            InstitutionId = concern.InstitutionId,
            StudentId = concern.StudentId,
            ReferralId = concern.Id,
            Kind = SafeguardingEntryKind.Closed,
            OccurredOn = today,
            RecordedAt = access.Now,
            RecordedByStaffId = me,
            Text = text,
        });
        if (review is { } until)
        {
            db.SafeguardingEntries.Add(new SafeguardingEntry
            {
                InstitutionId = concern.InstitutionId,
                StudentId = concern.StudentId,
                ReferralId = concern.Id,
                Kind = SafeguardingEntryKind.Monitoring,
                OccurredOn = today,
                RecordedAt = access.Now,
                RecordedByStaffId = me,
                Text = "Monitoring after the concern closed",
                DueOn = until,
            });
        }
        return await access.ChangeAsync(scope, referralId, expectedVersion, (r, now) =>
        {
            r.Status = ReferralStatus.Closed;
            r.ClosedAt = now;
            r.ClosedByStaffId = me;
            r.Outcome = text;
        }, ct);
    }
}

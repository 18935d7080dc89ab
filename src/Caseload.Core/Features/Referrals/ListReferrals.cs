using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Referrals;

/// <summary>What was routed to the viewer (open, and closed in the last 30 days) and what they raised (last 120 days).
/// Lists never show a restricted referral's words; its page does (and that read is audited).</summary>
public sealed class ListReferrals(ReferralAccess access)
{
    public sealed record Line(long Id, int StudentId, string Student, ReferralCategory Category, Urgency Urgency, ReferralStatus Status,
        DateTime RaisedAt, string RaisedBy, string? What, DateTime? AcknowledgedAt, DateTime? ActedAt);

    public sealed record Lists(IReadOnlyList<Line> Received, IReadOnlyList<Line> RaisedByYou);

    public async Task<Lists> HandleAsync(StudentScope scope, CancellationToken ct = default)
    {
        var db = access.Db;
        var since = access.Now.AddDays(-30);
        var received = await Lines(access.Received(scope).Where(r => r.Status != ReferralStatus.Closed || r.ClosedAt >= since), ct);
        var me = scope.Viewer.StaffId;
        var raisedSince = access.Now.AddDays(-120);
        var mine = await Lines(db.Referrals.Where(r => r.RaisedByStaffId == me && r.InstitutionId == scope.Viewer.InstitutionId && r.DeletedAt == null && r.RaisedAt >= raisedSince), ct);
        return new Lists(received, mine);
    }

    private async Task<List<Line>> Lines(IQueryable<Referral> query, CancellationToken ct)
    {
        var db = access.Db;
        return await query.AsNoTracking().OrderBy(r => r.Status == ReferralStatus.Closed).ThenByDescending(r => r.Urgency).ThenByDescending(r => r.RaisedAt).Take(300)
            .Select(r => new Line(r.Id, r.StudentId,
                db.Students.Where(s => s.Id == r.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                r.Category, r.Urgency, r.Status, r.RaisedAt,
                db.Staff.Where(s => s.Id == r.RaisedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                r.Restricted ? null : r.What, r.AcknowledgedAt, r.ActedAt))
            .ToListAsync(ct);
    }
}

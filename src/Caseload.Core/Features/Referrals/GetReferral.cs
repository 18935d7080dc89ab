using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Referrals;

/// <summary>One referral as the viewer may see it: in full for those who may read it (a restricted one's read is
/// audited), a receipt for its referrer; null for anyone else.</summary>
public sealed class GetReferral(ReferralAccess access)
{
    public sealed record View(Referral Referral, ReferralAccess.Level Access, string Student, string? StudentGroup, string RaisedBy, string To, bool CanAct,
        IReadOnlyDictionary<int, string> People)
    {
        public TimeSpan? ToAcknowledge => Referral.AcknowledgedAt - Referral.RaisedAt;
        public TimeSpan? ToAct => Referral.ActedAt - Referral.RaisedAt;
        public TimeSpan? ToClose => Referral.ClosedAt - Referral.RaisedAt;
        public string? Name(int? staffId) => staffId is { } id && People.TryGetValue(id, out var n) ? n : null;
    }

    public async Task<View?> HandleAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var db = access.Db;
        var full = await access.Readable(scope).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var r = full ?? await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.DeletedAt == null
            && r.InstitutionId == scope.Viewer.InstitutionId && r.RaisedByStaffId == scope.Viewer.StaffId, ct);
        if (r is null)
        {
            return null;
        }
        var level = full is null ? ReferralAccess.Level.Receipt : ReferralAccess.Level.Full;
        if (level == ReferralAccess.Level.Receipt)
        {
            r = ReferralAccess.Receipt(r);
        }
        var student = await db.Students.AsNoTracking().Where(s => s.Id == r.StudentId)
            .Select(s => new { Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, Group = s.TutorGroup == null ? null : s.TutorGroup.Code })
            .FirstAsync(ct);
        var ids = new[] { r.RaisedByStaffId, r.ToStaffId, r.AcknowledgedByStaffId, r.ActedByStaffId, r.ClosedByStaffId }.OfType<int>().Distinct().ToList();
        var people = await db.Staff.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var to = r.ToStaffId is { } p ? people.GetValueOrDefault(p, "the tutor") : ReferralWords.TeamName(r.ToRole);
        if (r.Restricted && level == ReferralAccess.Level.Full)
        {
            await access.AuditReadAsync(r, ct);
        }
        return new View(r, level, student.Name, student.Group, people.GetValueOrDefault(r.RaisedByStaffId, "a member of staff"), to,
            level == ReferralAccess.Level.Full && await access.CanActAsync(scope, r, ct), people);
    }
}

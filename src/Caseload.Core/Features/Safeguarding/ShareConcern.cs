using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The safeguarding team shares one concern with a trusted member of staff (a head of year, the school nurse), who may
/// then read it in full — its details, body map and the actions shared with them — and nothing else of the record.
/// Only staff the lead has made trusted can be chosen: everyone else can only report.
/// </summary>
public sealed class ShareConcern(ReferralAccess access)
{
    /// <returns>False when there is no such concern the viewer (the team) may act on.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long referralId, int? staffId, CancellationToken ct = default)
    {
        var concern = await SafeguardingWorkflow.ConcernAsync(access, scope, referralId, ct);
        if (concern is null)
        {
            return false;
        }
        var db = access.Db;
        var trusted = staffId is { } id
            ? await db.SafeguardingAccess.AsNoTracking().Where(g => g.StaffId == id && g.InstitutionId == concern.InstitutionId && g.Level == SafeguardingLevel.Trusted)
                .Select(g => new { g.StaffId, Name = db.Staff.Where(s => s.Id == g.StaffId).Select(s => s.FirstName + " " + s.LastName).First() }).FirstOrDefaultAsync(ct)
            : null;
        if (trusted is null)
        {
            throw new ValidationException("choose a member of trusted staff; the safeguarding lead gives that level on the safeguarding access page");
        }
        if (await db.SafeguardingShares.AnyAsync(s => s.ReferralId == concern.Id && s.StaffId == trusted.StaffId, ct))
        {
            return true; // shared already: nothing to add
        }
        db.SafeguardingShares.Add(new SafeguardingShare
        {
            InstitutionId = concern.InstitutionId,
            ReferralId = concern.Id,
            StaffId = trusted.StaffId,
            SharedByStaffId = scope.Viewer.StaffId,
            SharedAt = access.Now,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Trusted staff a concern can be shared with, by surname (the team's to choose from).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> TrustedAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.Safeguarding.Team)
        {
            return [];
        }
        var db = access.Db;
        var trusted = await db.SafeguardingAccess.AsNoTracking().Where(g => g.InstitutionId == viewer.InstitutionId && g.Level == SafeguardingLevel.Trusted)
            .Join(db.Staff.Where(s => s.Active), g => g.StaffId, s => s.Id, (g, s) => s).OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToListAsync(ct);
        return [.. trusted.Select(t => (t.Id, t.Name))];
    }
}

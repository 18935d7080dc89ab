using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Users;

/// <summary>
/// Which roles must sign in with an authenticator app: read by sign-in for everyone, changed by administrators only
/// (anyone else is told the settings do not exist). Administrators and the safeguarding lead are always included.
/// </summary>
public sealed class TwoFactorSettings(CaseloadDbContext db)
{
    /// <summary>The roles that must use two-factor sign-in here; null when the viewer is not an administrator.</summary>
    public async Task<IReadOnlySet<string>?> GetAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.May(Operation.ManageTwoFactorPolicy))
        {
            return null;
        }
        var stored = await db.Institutions.Where(i => i.Id == viewer.InstitutionId).Select(i => i.TwoFactorRoles).SingleAsync(ct);
        return TwoFactorPolicy.Parse(stored);
    }

    /// <summary>Sets the roles (the always-required ones are added); false when the viewer is not an administrator.</summary>
    public async Task<bool> SetAsync(Viewer viewer, IEnumerable<string> roles, CancellationToken ct = default)
    {
        if (!viewer.May(Operation.ManageTwoFactorPolicy))
        {
            return false;
        }
        var institution = await db.Institutions.SingleAsync(i => i.Id == viewer.InstitutionId, ct);
        institution.TwoFactorRoles = TwoFactorPolicy.Format(roles);
        await db.SaveChangesAsync(ct); // audited with the before and after values
        return true;
    }

    /// <summary>Whether this member of staff's roles require a second factor under their institution's policy, or their safeguarding level does.</summary>
    public async Task<bool> RequiredForStaffAsync(int staffId, CancellationToken ct = default)
    {
        var staff = await db.Staff.AsNoTracking().Where(s => s.Id == staffId)
            .Select(s => new
            {
                Roles = s.Roles.Select(r => r.Role).ToList(),
                Policy = db.Institutions.Where(i => i.Id == s.InstitutionId).Select(i => i.TwoFactorRoles).Single(),
                Safeguarding = db.SafeguardingAccess.Any(g => g.StaffId == s.Id),
            })
            .SingleOrDefaultAsync(ct);
        // A safeguarding level above reporting (deputy, trusted) always needs a second factor, like the lead's role.
        return staff is not null && (staff.Safeguarding || TwoFactorPolicy.Requires(staff.Roles, staff.Policy));
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Users;

/// <summary>Creating, resetting, disabling and listing sign-in accounts: the CLI's <c>caseload users</c> and, later, an admin page.</summary>
public sealed class ManageUsers(CaseloadDbContext db, UserManager<CaseloadUser> users, TimeProvider clock, Sessions.UserSessions sessions)
{
    public sealed record Account(string Email, string Name, string StaffId, IReadOnlyList<string> Roles, bool Locked, bool Disabled, bool TwoFactor);

    /// <summary>Creates an account for a member of staff. Returns the password (the given one, or a generated one to show once).</summary>
    public async Task<string> AddAsync(int institutionId, string staffId, string? password, CancellationToken ct = default)
    {
        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.InstitutionId == institutionId && s.ExternalId == staffId, ct)
            ?? throw new ValidationException($"no member of staff has staff_id '{staffId}' here; expected one from the staff import");
        if (!staff.Active)
        {
            throw new ValidationException($"{staffId} is not an active member of staff");
        }
        if (await db.Users.AnyAsync(u => u.StaffId == staff.Id, ct))
        {
            throw new ValidationException($"{staffId} already has an account ({staff.Email}); use 'caseload users reset' for a new password");
        }
        password ??= IdentitySetup.GeneratePassword();
        var user = new CaseloadUser { UserName = staff.Email, Email = staff.Email, EmailConfirmed = true, StaffId = staff.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Check(await users.CreateAsync(user, password));
        return password;
    }

    /// <summary>Sets a new generated password, unlocks and re-enables the account, and ends its sessions.</summary>
    public async Task<string> ResetAsync(string email, CancellationToken ct = default)
    {
        var user = await Find(email);
        var password = IdentitySetup.GeneratePassword();
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        Check(await users.SetLockoutEndDateAsync(user, null));
        await users.ResetAccessFailedCountAsync(user);
        user.DisabledAt = null;
        Check(await users.UpdateSecurityStampAsync(user));
        await sessions.EndAllAsync(user.Id, "password reset", ct: ct);
        return password;
    }

    /// <summary>
    /// For a lost phone: turns two-factor sign-in off, forgets the authenticator key and recovery codes, and ends the
    /// account's sessions. If the member of staff's role requires it, they set up a new authenticator at next sign-in.
    /// </summary>
    public async Task ResetTwoFactorAsync(string email, CancellationToken ct = default)
    {
        var user = await Find(email);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes"));
        Check(await users.UpdateSecurityStampAsync(user));
        await sessions.EndAllAsync(user.Id, "two-factor sign-in reset", ct: ct);
    }

    /// <summary>Disables an account; changing the security stamp ends every session it has.</summary>
    public async Task DisableAsync(string email, CancellationToken ct = default)
    {
        var user = await Find(email);
        user.DisabledAt = clock.GetUtcNow().UtcDateTime;
        Check(await users.UpdateSecurityStampAsync(user));
        await sessions.EndAllAsync(user.Id, "account disabled", ct: ct);
    }

    public async Task<IReadOnlyList<Account>> ListAsync(int institutionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .Join(db.Staff.Where(s => s.InstitutionId == institutionId), u => u.StaffId, s => s.Id, (u, s) => new
            {
                u.Email,
                s.FirstName,
                s.LastName,
                s.ExternalId,
                Roles = s.Roles.Select(r => r.Role).ToList(),
                u.LockoutEnd,
                u.DisabledAt,
                u.TwoFactorEnabled,
            })
            .OrderBy(x => x.LastName).ThenBy(x => x.FirstName)
            .ToListAsync(ct);
        return [.. rows.Select(r => new Account(r.Email!, $"{r.FirstName} {r.LastName}", r.ExternalId, [.. r.Roles.Order()], r.LockoutEnd > now, r.DisabledAt is not null, r.TwoFactorEnabled))];
    }

    private async Task<CaseloadUser> Find(string email) =>
        await users.FindByEmailAsync(email.Trim()) ?? throw new ValidationException($"no account has the e-mail address '{email}'");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

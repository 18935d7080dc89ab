using Caseload.Core.Domain;
using Caseload.Core.Features.Notifications;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caseload.Core.Features.Users;

/// <summary>
/// Identity's account manager with Caseload's answer to wrong passwords and codes: a wait that grows with each failure
/// (<see cref="SignInDelay"/>) instead of a fixed lockout, counted until the next success, on the school's clock; at the
/// failure that starts the waits, the account holder and the institution's administrators are told by e-mail.
/// </summary>
public sealed class CaseloadUserManager(
    IUserStore<CaseloadUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<CaseloadUser> hasher,
    IEnumerable<IUserValidator<CaseloadUser>> userValidators,
    IEnumerable<IPasswordValidator<CaseloadUser>> passwordValidators,
    ILookupNormalizer normalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<CaseloadUser>> logger,
    TimeProvider clock,
    Notifier? notifier = null)
    : UserManager<CaseloadUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(CaseloadUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockouts = (IUserLockoutStore<CaseloadUser>)Store;
        var failures = await lockouts.IncrementAccessFailedCountAsync(user, CancellationToken);
        var wait = SignInDelay.After(failures);
        if (wait > TimeSpan.Zero && await GetLockoutEnabledAsync(user))
        {
            await lockouts.SetLockoutEndDateAsync(user, clock.GetUtcNow() + wait, CancellationToken);
            Logger.LogWarning("Account {UserId}: {Failures} failed sign-in attempts in a row; it waits {Seconds} s", user.Id, failures, (int)wait.TotalSeconds);
        }
        var result = await UpdateUserAsync(user);
        if (failures == SignInDelay.FreeFailures && notifier is not null)
        {
            await notifier.SignInSlowedAsync(user, CancellationToken);
        }
        return result;
    }

    public override async Task<bool> IsLockedOutAsync(CaseloadUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await GetLockoutEnabledAsync(user) && await GetLockoutEndDateAsync(user) is { } end && end > clock.GetUtcNow();
    }
}

using System.Globalization;
using Caseload.Core.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Caseload.Web.Security;

/// <summary>
/// A browser that has signed in to an account before carries a signed "known device" cookie for it (90 days), and is
/// not held up by the waits that wrong passwords put on the account (decision 0012): whoever guesses passwords from
/// elsewhere slows only themselves, and cannot lock the member of staff out of their own desk. The cookie names the
/// account by id only; it signs nobody in, and the per-address limit on sign-in attempts still applies to it.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider protection, IWebHostEnvironment environment, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Caseload.KnownDevice").ToTimeLimitedDataProtector();

    private string CookieName => environment.IsDevelopment() ? "caseload-device" : "__Host-caseload-device";

    public void Remember(HttpContext http, int userId) =>
        http.Response.Cookies.Append(CookieName, _protector.Protect(userId.ToString(CultureInfo.InvariantCulture), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = !environment.IsDevelopment(),
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });

    public bool IsKnown(HttpContext? http, int userId)
    {
        if (http?.Request.Cookies[CookieName] is not { Length: > 0 and < 1000 } value)
        {
            return false;
        }
        try
        {
            return _protector.Unprotect(value, out var expires) == userId.ToString(CultureInfo.InvariantCulture) && expires > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // tampered with, expired, or from another key ring
        }
    }
}

/// <summary>Identity's sign-in, except that an account's waits do not apply to a browser it has signed in with before.</summary>
public sealed class CaseloadSignInManager(
    UserManager<CaseloadUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<CaseloadUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<CaseloadUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CaseloadUser> confirmation,
    KnownDevices devices)
    : SignInManager<CaseloadUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>True while this account waits, for this browser.</summary>
    public Task<bool> IsWaitingAsync(CaseloadUser user) => IsLockedOut(user);

    protected override async Task<bool> IsLockedOut(CaseloadUser user) =>
        await base.IsLockedOut(user) && !devices.IsKnown(Context, user.Id);
}

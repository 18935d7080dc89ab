using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Core.Security;

/// <summary>
/// Accounts and passwords, the same for the web app and the CLI. Passwords follow OWASP ASVS 5 / NIST 800-63B:
/// at least 12 characters and no composition rules. Wrong passwords and codes slow an account down
/// (<see cref="SignInDelay"/>); authenticator codes work once (<see cref="SingleUseAuthenticatorTokenProvider"/>).
/// </summary>
public static class IdentitySetup
{
    public const int MinimumPasswordLength = Limits.PasswordMinimum;

    /// <summary>The documented password of every demo account. Demo accounts exist only in demo institutions.</summary>
    public const string DemoPassword = "caseload-demo";

    public static IdentityBuilder AddCaseloadIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<CaseloadUser>(Configure)
            .AddEntityFrameworkStores<CaseloadDbContext>()
            // Authenticator-app codes (TOTP) for two-factor sign-in, each usable once; no e-mailed tokens, so no other providers.
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

    public static void Configure(IdentityOptions o)
    {
        o.Password.RequiredLength = MinimumPasswordLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        // Identity's own lockout, used only where SignInDelay's manager is not (it decides the waits in the web app).
        o.Lockout.MaxFailedAccessAttempts = SignInDelay.FreeFailures;
        o.Lockout.DefaultLockoutTimeSpan = SignInDelay.First;
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>A random password for a new or reset account, shown once to the administrator.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}-{new string(chars, 10, 5)}-{new string(chars, 15, 5)}";
    }
}

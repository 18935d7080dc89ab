using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages;

/// <summary>The second step of sign-in: the 6-digit code from the authenticator app, or one of the recovery codes.</summary>
[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<CaseloadUser> signIn, UserManager<CaseloadUser> users, ILogger<SignInTwoFactorModel> logger) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public bool UseRecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only after a correct password: the two-factor cookie names the account half signed in.
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/SignIn") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/SignIn");
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            Problem = UseRecoveryCode ? "Enter one of your recovery codes" : "Enter the 6-digit code from your authenticator app";
            return Page();
        }
        var result = UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in with a second factor{How}: account {UserId}", UseRecoveryCode ? " (recovery code)" : "", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (UseRecoveryCode && !result.IsLockedOut)
        {
            // Identity does not count a wrong recovery code: count it, or they could be guessed without limit.
            await users.AccessFailedAsync(user);
        }
        logger.LogWarning("Second factor refused{Lock}: account {UserId}", result.IsLockedOut ? " (locked out)" : "", user.Id);
        Problem = result.IsLockedOut
            ? "Too many wrong codes in a row: wait a few minutes and try again, or ask your administrator."
            : UseRecoveryCode
                ? "That recovery code is not right, or has been used. Each code works once."
                : "That code is not right, or has been used already. Enter the 6 digits your authenticator app shows now for Caseload (a new one comes every 30 seconds).";
        return Page();
    }
}

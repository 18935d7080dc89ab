using System.ComponentModel.DataAnnotations;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages;

[AllowAnonymous]
public sealed class SignInModel(Security.CaseloadSignInManager signIn, UserManager<CaseloadUser> users, IPasswordHasher<CaseloadUser> hasher,
    ILogger<SignInModel> logger) : PageModel
{
    /// <summary>
    /// One answer for every refusal — unknown address, wrong password, locked, disabled — so the form cannot be used to
    /// learn who has an account or what state it is in. (The reason is in the server's log, by account id.)
    /// </summary>
    public const string Refused = "The e-mail address or password is not right, or this account cannot sign in at the moment. "
        + "Check them and try again; if it keeps happening, ask your Caseload administrator.";

    /// <summary>A hash of a password nobody knows, checked when there is no account's own to check, so every refusal costs the same.</summary>
    private static readonly string DecoyHash = new PasswordHasher<CaseloadUser>().HashPassword(new CaseloadUser(), Guid.NewGuid().ToString("N"));

    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address in the right format, like name@school.example")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        // Unknown, disabled and locked accounts are refused after the same work as a real check of a password.
        var refusedWithoutCheck = user is null || user.DisabledAt is not null || await signIn.IsWaitingAsync(user);
        if (refusedWithoutCheck)
        {
            hasher.VerifyHashedPassword(user ?? new CaseloadUser(), DecoyHash, Password);
            logger.LogWarning("Sign-in refused{Why}", user is null ? " for an unknown address" : user.DisabledAt is not null ? $": account {user.Id} is disabled" : $": account {user.Id} waits after wrong passwords");
            Problem = Refused;
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user!, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in: account {UserId}", user!.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("Password accepted, second factor asked: account {UserId}", user!.Id);
            return RedirectToPage("/SignInTwoFactor", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        }
        // Account ids, never e-mail addresses: personal data stays out of logs.
        logger.LogWarning("Sign-in failed: account {UserId}{Lock}", user!.Id, result.IsLockedOut ? " (now locked out)" : "");
        Problem = Refused;
        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<CaseloadUser> signIn, UserManager<CaseloadUser> users, ILogger<SignInModel> logger) : PageModel
{
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
        if (user?.DisabledAt is not null)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is disabled", user.Id);
            Problem = "This account has been disabled. Ask your Caseload administrator.";
            return Page();
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
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
        logger.LogWarning("Sign-in failed{Account}{Lock}", user is null ? " for an unknown address" : $": account {user.Id}", result.IsLockedOut ? " (locked out)" : "");
        Problem = result.IsLockedOut
            ? "This account is locked for 15 minutes after 5 wrong passwords. Try again later, or ask your administrator to reset it."
            : "The e-mail address or password is not right.";
        return Page();
    }
}

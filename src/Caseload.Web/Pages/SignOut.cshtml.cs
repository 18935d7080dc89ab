using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages;

/// <summary>Signing out is a POST with an antiforgery token, never a link a page could trigger.</summary>
public sealed class SignOutModel(SignInManager<CaseloadUser> signIn, Core.Features.Sessions.UserSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        // The session ends on the server, so a copy of the cookie is worth nothing from now on.
        if (Security.WebSecurity.UserId(User) is { } user && Security.WebSecurity.SessionId(User) is { } session)
        {
            await sessions.EndAsync(user, session, "signed out", HttpContext.RequestAborted);
        }
        await signIn.SignOutAsync();
        // Nothing of the session stays in the browser's cache or storage (the known-device cookie stays: it is a cookie).
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return Redirect("/sign-in");
    }
}

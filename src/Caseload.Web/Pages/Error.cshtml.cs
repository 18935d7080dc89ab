using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages;

/// <summary>A friendly error page: never a stack trace, never personal data.</summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, something went wrong";
    public string Message { get; private set; } = "The problem has been logged. Try again, and if it keeps happening tell your Caseload administrator.";

    public void OnGet(int? status)
    {
        switch (status)
        {
            case 404:
                Title = "Page not found";
                Message = "Check the address, or start again from the start page.";
                break;
            case 429:
                Title = "Too many attempts";
                Message = "Wait a minute, then try again.";
                break;
        }
    }
}

using Caseload.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages;

/// <summary>
/// A friendly error page: never a stack trace, never personal data. Errors of API requests are answered here too,
/// as problem details (JSON), so every door reports errors one way.
/// </summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public string Title { get; private set; } = "Sorry, something went wrong";
    public string Message { get; private set; } = "The problem has been logged. Try again, and if it keeps happening tell your Caseload administrator.";

    public Task<IActionResult> OnGetAsync(int? status) => AnswerAsync(status);

    public Task<IActionResult> OnPostAsync(int? status) => AnswerAsync(status);

    private async Task<IActionResult> AnswerAsync(int? status)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var code = status ?? StatusCodes.Status500InternalServerError;
        if (original is not null && original.StartsWith(ApiV1.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            Response.StatusCode = code;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = code } });
            return new EmptyResult();
        }
        switch (code)
        {
            case 400:
                Title = "Something was not right with that request";
                Message = "If you were sending a form, go back, reload the page and try again.";
                break;
            case 404:
                Title = "Page not found";
                Message = "Check the address, or start again from the start page.";
                break;
            case 429:
                Title = "Too many attempts";
                Message = "Wait a minute, then try again.";
                break;
        }
        return Page();
    }
}

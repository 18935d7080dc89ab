using Caseload.Core;
using Caseload.Core.Shared;
using Caseload.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Caseload.Web.Errors;

/// <summary>
/// The core's refusals answered once, the same way for every endpoint: bad input → 400 with what was wrong and what was
/// expected, a lost race → 409 with who changed the record and when, not found or not allowed → 404 (alike, so nobody
/// learns what exists). Anything else is a bug: the friendly error page or a bare 500 problem, never a stack trace.
/// </summary>
internal sealed class CaseloadExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page: whether it was an API call is in the original path.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        if (!path.StartsWith(ApiV1.Prefix + "/", StringComparison.OrdinalIgnoreCase) || Answer(exception) is not { } problem)
        {
            return false;
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem an exception from the core means, or null for a bug.</summary>
    public static ProblemDetails? Answer(Exception exception) => exception switch
    {
        ValidationException e => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Not saved", Detail = e.Message },
        ConcurrencyException e => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Changed by someone else",
            Detail = e.Message,
            Extensions = { ["changedBy"] = e.ChangedBy, ["changedAt"] = e.ChangedAt },
        },
        NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = "There is nothing here that you may see." },
        BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request could not be read", Detail = "Check the request's body and parameters against /openapi/v1.json." },
        _ => null,
    };
}

/// <summary>
/// For pages: a request no handler answers is 404 or 405, not a half-loaded page; something the viewer may not see (<see cref="NotFoundException"/>) is the site's 404 page, whichever page
/// asked. Pages that show a form catch <see cref="ValidationException"/> themselves, to show the message beside what was typed.
/// </summary>
internal sealed class NotFoundPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // No handler for this request (a POST to a page that only shows, or an unknown ?handler=): Razor Pages would
        // render the page without loading it. Answer what it is instead: no such handler (404) or not this method (405).
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.Result = context.HttpContext.Request.Query.ContainsKey("handler") ? new NotFoundResult() : new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        var executed = await next();
        if (executed.Exception is NotFoundException)
        {
            executed.Result = new NotFoundResult();
            executed.ExceptionHandled = true;
        }
    }
}

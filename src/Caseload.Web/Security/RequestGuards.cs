using Caseload.Core.Data;

namespace Caseload.Web.Security;

/// <summary>What every request passes after sign-in: the audit actor, the two-factor set-up gate, and a log line for refusals.</summary>
internal static partial class RequestGuards
{
    /// <summary>The other site a request says it was sent from (its Origin, else its Referer), or null when it is this one or unsaid.</summary>
    private static string? CrossSite(HttpContext context)
    {
        var stated = context.Request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : context.Request.Headers.Referer.ToString();
        if (stated.Length == 0)
        {
            return null;
        }
        if (!Uri.TryCreate(stated, UriKind.Absolute, out var from))
        {
            return "an unreadable origin";
        }
        // The host alone: behind a proxy that ends TLS the app itself sees http.
        return string.Equals(from.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase) ? null : $"{from.Scheme}://{from.Authority}";
    }

    public const string TwoFactorSetupPath = "/account/two-factor";

    private static readonly string[] OpenDuringSetup = [TwoFactorSetupPath, "/sign-out", "/health", "/Error", "/lib", "/js"];

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The API takes the session cookie too, so a change sent from another site's page would ride on it: a change
        // whose Origin (or, without one, Referer) names another site is refused. Clients that are not browsers send
        // neither and are unaffected.
        if (Api.ApiV1.IsApi(context) && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && CrossSite(context) is { } from)
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Refused: sent from another site",
                detail: $"A change through the API must come from this site or from a client that is not a browser; this one came from {from}.").ExecuteAsync(context);
            return;
        }
        var user = context.User;
        var staff = user.FindFirst(WebSecurity.StaffIdClaim)?.Value;
        if (staff is not null)
        {
            // Changes made by this request are audited as the signed-in member of staff.
            context.RequestServices.GetRequiredService<AuditActor>().Name = $"staff:{staff}";

            // A role that requires two-factor sign-in sees nothing else until it is set up.
            if (user.HasClaim(c => c.Type == WebSecurity.TwoFactorSetupClaim)
                && !OpenDuringSetup.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                if (Api.ApiV1.IsApi(context))
                {
                    await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Two-factor sign-in must be set up first",
                        detail: $"Your role requires an authenticator app; set it up at {TwoFactorSetupPath}.").ExecuteAsync(context);
                    return;
                }
                context.Response.Redirect(TwoFactorSetupPath);
                return;
            }
        }

        await next();

        // Refusals (and "not found", which is how a student one may not see is refused) are logged with the
        // account's staff id and the path, which holds only internal ids: never names or other personal data.
        var status = context.Response.StatusCode;
        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Caseload.Refused");
            Refused(logger, context.Request.Method, context.Request.Path.Value ?? "", status, staff ?? "anonymous");
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Status} for staff {Staff}")]
    private static partial void Refused(ILogger logger, string method, string path, int status, string staff);
}

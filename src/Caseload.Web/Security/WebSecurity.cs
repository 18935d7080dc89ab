using System.Security.Claims;
using System.Threading.RateLimiting;
using Caseload.Core.Domain;
using Caseload.Core.Features.Sessions;
using Caseload.Core.Features.Users;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Caseload.Web.Security;

/// <summary>Sign-in with ASP.NET Core Identity cookies, everything behind sign-in by default, and a rate-limited sign-in form.</summary>
internal static class WebSecurity
{
    public const string StaffIdClaim = "caseload:staff";

    /// <summary>Present while a member of staff whose role requires two-factor sign-in has not set it up yet.</summary>
    public const string TwoFactorSetupClaim = "caseload:2fa-setup";

    /// <summary>The server-side session this cookie belongs to (<see cref="UserSessions"/>); ending it ends the cookie.</summary>
    public const string SessionClaim = "caseload:session";
    public static readonly TimeSpan AbsoluteSessionLimit = UserSessions.AbsoluteLimit;

    public static void AddCaseloadWebSecurity(this IServiceCollection services, IWebHostEnvironment environment, IConfiguration configuration)
    {
        var attemptsPerMinute = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        var attemptsPerMinuteInAll = configuration.GetValue("Security:SignInAttemptsPerMinuteInAll", 300);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddSingleton<KnownDevices>();
        // The anti-forgery cookie follows the session cookie's rules: __Host- and Secure outside development.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = environment.IsDevelopment() ? "caseload-af" : "__Host-caseload-af";
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
        });
        services.AddCaseloadIdentity()
            .AddUserManager<CaseloadUserManager>()
            .AddSignInManager<CaseloadSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            // __Host- cookies must be Secure, which needs HTTPS: production runs behind TLS; the README's
            // http://localhost development run uses a plain name.
            o.Cookie.Name = environment.IsDevelopment() ? "caseload" : "__Host-caseload";
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/sign-in";
            // The API answers with status codes (as problem details), never with a redirect to the sign-in form.
            o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            // Refused an operation: not found, for pages and the API alike (nobody learns what lies behind it).
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/Error";
            o.ExpireTimeSpan = UserSessions.IdleTimeout; // inactivity time-out (sliding)
            o.SlidingExpiration = true;
            // Absolute time-out: however active, a session ends 10 hours after sign-in (a school day).
            o.Events.OnSigningIn = StartSessionAsync;
            o.Events.OnValidatePrincipal = async context =>
            {
                // A session that has ended (signed out, ended from elsewhere, reset, disabled) is over at once, whatever
                // copies of its cookie exist.
                if (!await IsLiveAsync(context.HttpContext, context.Principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is not null && context.Properties.IssuedUtc is { } issued
                    && context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - issued > AbsoluteSessionLimit)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.RequestServices.GetRequiredService<SignInManager<CaseloadUser>>().SignOutAsync();
                }
            };
        });
        // Re-check each session's security stamp every minute: a disabled account or a reset password ends it.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(configuration.GetValue("Security:SessionRecheckSeconds", 60));
            // A refreshed principal (roles or policy changed) is still the same session.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SessionClaim) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SessionClaim, session.Value));
                }
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            o.AddOperationPolicies();
        });
        services.AddScoped<IAuthorizationHandler, OperationPolicies.Handler>();
        services.AddScoped<CurrentViewer>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Password and code attempts (POSTs to the sign-in forms): ten a minute from one address, and 300 a minute from
            // all addresses together (an attack spread over many addresses), by default; reading the forms is free. Each
            // account has its own waits on top (SignInDelay).
            static bool IsAttempt(HttpContext context) =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/sign-in", StringComparison.OrdinalIgnoreCase);
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsAttempt(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = attemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("free")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsAttempt(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("all",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = attemptsPerMinuteInAll, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("free")));
        });
    }

    /// <summary>
    /// At sign-in, a server-side session for the new cookie. A refreshed sign-in (after setting up two-factor sign-in)
    /// keeps the session it came from.
    /// </summary>
    private static async Task StartSessionAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || UserId(context.Principal) is not { } userId)
        {
            return;
        }
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        var id = SessionId(context.HttpContext.User) is { } existing && UserId(context.HttpContext.User) == userId
            && await sessions.IsLiveAsync(userId, existing, context.HttpContext.RequestAborted)
            ? existing
            : await sessions.StartAsync(userId, context.HttpContext.Request.Headers.UserAgent.ToString(), context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(SessionClaim, id.ToString()));
        context.HttpContext.RequestServices.GetRequiredService<KnownDevices>().Remember(context.HttpContext, userId);
    }

    private static async Task<bool> IsLiveAsync(HttpContext http, ClaimsPrincipal? principal) =>
        UserId(principal) is { } userId && SessionId(principal) is { } sessionId
        && await http.RequestServices.GetRequiredService<UserSessions>().IsLiveAsync(userId, sessionId, http.RequestAborted);

    public static int? UserId(ClaimsPrincipal? principal) =>
        int.TryParse(principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static Guid? SessionId(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(SessionClaim)?.Value, out var id) ? id : null;

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Api.ApiV1.IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Puts the member of staff's id in the cookie (roles are read fresh from the database on each request), and marks
    /// a session that must set up two-factor sign-in before anything else. Re-run when the session is re-validated
    /// (every minute), so a change of role or policy reaches sessions already open.
    /// </summary>
    private sealed class StaffClaimsFactory(UserManager<CaseloadUser> users, IOptions<IdentityOptions> options, TwoFactorSettings twoFactor)
        : UserClaimsPrincipalFactory<CaseloadUser>(users, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CaseloadUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(StaffIdClaim, user.StaffId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (!user.TwoFactorEnabled && await twoFactor.RequiredForStaffAsync(user.StaffId))
            {
                identity.AddClaim(new Claim(TwoFactorSetupClaim, "required"));
            }
            return identity;
        }
    }
}

using System.Security.Claims;
using System.Threading.RateLimiting;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Caseload.Web.Security;

/// <summary>Sign-in with ASP.NET Core Identity cookies, everything behind sign-in by default, and a rate-limited sign-in form.</summary>
internal static class WebSecurity
{
    public const string StaffIdClaim = "caseload:staff";
    public static readonly TimeSpan AbsoluteSessionLimit = TimeSpan.FromHours(10);

    public static void AddCaseloadWebSecurity(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddCaseloadIdentity()
            .AddSignInManager()
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
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/Error";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30); // inactivity time-out (sliding)
            o.SlidingExpiration = true;
            // Absolute time-out: however active, a session ends 10 hours after sign-in (a school day).
            o.Events.OnValidatePrincipal = async context =>
            {
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
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddScoped<CurrentViewer>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Password attempts (POSTs to the sign-in form), ten a minute from one address; reading the form is free.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/sign-in", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("free"));
        });
    }

    /// <summary>Puts the member of staff's id in the cookie; roles are read fresh from the database on each request.</summary>
    private sealed class StaffClaimsFactory(UserManager<CaseloadUser> users, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<CaseloadUser>(users, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CaseloadUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(StaffIdClaim, user.StaffId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return identity;
        }
    }
}

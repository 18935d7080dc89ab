using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Hosting;
using Caseload.Data.Postgres;
using Caseload.Data.Sqlite;
using Caseload.Web;
using Caseload.Web.Api;
using Caseload.Web.Security;

// Settings come from appsettings.json beside the binary, so `dotnet run --project src/Caseload.Web` from the
// repository root finds them; the SQLite file stays relative to the current directory (./data/caseload.db),
// the same file the CLI uses when run from the same place.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var database = CaseloadServices.SelectDatabase(builder.Configuration, new SqliteProvider(), new PostgresProvider());
builder.Services.AddSingleton(Caseload.Core.Shared.SchoolClock.FromConfiguration(builder.Configuration));
builder.Services.AddHostedService<Caseload.Web.Background.NightlySummaries>();
// E-mail is off unless Email:Mode says Smtp or FileDrop (docs/configuration.md).
builder.Services.AddSingleton(builder.Configuration.GetSection("Email").Get<Caseload.Core.Features.Notifications.EmailOptions>() ?? new());
builder.Services.AddCaseloadCore(database);
// Cohort figures: groups smaller than Cohorts:SmallestGroup (5) are shown as "fewer than 5".
builder.Services.AddSingleton(builder.Configuration.GetSection("Cohorts").Get<Caseload.Core.Features.Analytics.CohortOptions>() ?? new());
builder.Services.AddHttpContextAccessor();
builder.Services.AddCaseloadWebSecurity(builder.Environment, builder.Configuration);
builder.Services.AddCaseloadDataProtection(builder.Configuration);
// HSTS for a year on this host and its subdomains (OWASP ASVS 5.0 3.4.1), outside development.
builder.Services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
// Behind a TLS-terminating proxy: the client's address (for the sign-in limits and the logs) and the scheme (for HSTS
// and secure cookies) come from X-Forwarded-For and X-Forwarded-Proto, believed only from the proxies named in
// Proxy:KnownProxies (comma-separated addresses; loopback when unset), so a client cannot claim another address.
builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
    foreach (var proxy in (builder.Configuration["Proxy:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});
builder.Services.AddRazorPages(o =>
{
    o.Conventions.ConfigureFilter(new Caseload.Web.Errors.NotFoundPageFilter());
    // "/" is where each role's morning starts (Landing); the caseload is also at /caseload for everyone.
    o.Conventions.AddPageRoute("/Index", Caseload.Web.Security.Landing.Caseload.TrimStart('/'));
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<Caseload.Web.Errors.CaseloadExceptionHandler>();
builder.Services.AddCaseloadOpenApi();
// Numbers in the API are JSON numbers, and documented as such (not "integer or string").
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
    // Kinds, roles and statuses are words in the API ("Safeguarding", "Victim"), not numbers.
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
});

var app = builder.Build();
await FirstRun.PrepareAsync(app.Services, app.Configuration, app.Logger);

// Errors, in every environment (developer details go to the server's log, never into a response): the core's refusals
// answered once (CaseloadExceptionHandler); anything else is the friendly error page, which answers API requests with
// problem details (JSON).
app.UseForwardedHeaders();
app.UseExceptionHandler("/Error");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseSecurityHeaders();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestGuards();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapApiV1();
app.MapInboxEndpoints();
app.MapCasesEndpoints();
app.MapReferralsEndpoints();
app.MapCourseChangesEndpoints();
app.MapDestinationsEndpoints();
app.MapReferencesEndpoints();
app.MapOneToOnesEndpoints();
app.MapParentContactsEndpoints();
app.MapBehaviourEndpoints();
app.MapSearchEndpoints();
app.MapPictureEndpoints();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
await app.RunAsync();

/// <summary>The web app's entry point (tests host it through a type of this assembly, as the CLI has a Program too).</summary>
public partial class Program;

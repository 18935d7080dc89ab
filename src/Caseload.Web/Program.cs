using Caseload.Core.Data;
using Caseload.Data.Postgres;
using Caseload.Data.Sqlite;
using Caseload.Web;
using Caseload.Web.Security;

// Settings come from appsettings.json beside the binary, so `dotnet run --project src/Caseload.Web` from the
// repository root finds them; the SQLite file stays relative to the current directory (./data/caseload.db),
// the same file the CLI uses when run from the same place.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var database = CaseloadServices.SelectDatabase(builder.Configuration, new SqliteProvider(), new PostgresProvider());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCaseloadCore(database);
builder.Services.AddHttpContextAccessor();
builder.Services.AddCaseloadWebSecurity(builder.Environment);
builder.Services.AddRazorPages();
builder.Services.AddProblemDetails();

var app = builder.Build();
await FirstRun.PrepareAsync(app.Services, app.Configuration, app.Logger);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.Use(async (context, next) =>
{
    // Changes made by this request are audited as the signed-in member of staff.
    if (context.User.FindFirst(WebSecurity.StaffIdClaim)?.Value is { } staff)
    {
        context.RequestServices.GetRequiredService<AuditActor>().Name = $"staff:{staff}";
    }
    await next();
});
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous();
await app.RunAsync();

/// <summary>Exposed for tests that host the app.</summary>
public partial class Program;

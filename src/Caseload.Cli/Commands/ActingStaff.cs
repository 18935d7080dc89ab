using System.CommandLine;
using System.Globalization;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Cli.Commands;

/// <summary>
/// Casework from the command line (<c>caseload inbox|cases|referrals</c>) always acts as a named member of staff
/// (<c>--as e-mail</c>) with exactly their access — the same use cases as the pages and the API.
/// </summary>
internal static class ActingStaff
{
    public static Option<string> As() => new("--as") { Description = "The e-mail address of the member of staff to act as (their access applies).", Required = true };

    public static async Task<(AsyncServiceScope Scope, StudentScope Viewer, CaseloadDbContext Db)> ActAsAsync(ParseResult parse, string email, CancellationToken ct)
    {
        var scope = await CliHost.OpenAsync(parse, ct);
        var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
        var staff = await db.Staff.AsNoTracking().Where(s => s.Email == email.Trim() && s.Active).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw new CliException($"--as {email}: no active member of staff has that e-mail address", 2);
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = $"staff:{staff}";
        return (scope, await StudentScope.ForAsync(db, (await Viewers.ForStaffAsync(db, staff, ct))!, scope.ServiceProvider.GetRequiredService<TimeProvider>().Today(), ct), db);
    }

    public static async Task<int> StudentAsync(CaseloadDbContext db, StudentScope viewer, string externalId, CancellationToken ct) =>
        await viewer.Visible(db).Where(s => s.ExternalId == externalId.Trim()).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw new CliException($"--student {externalId}: no student with that id whom you may see", 2);

    public static DateOnly Today(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
}

using System.CommandLine;
using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload db</c>: migrate, status, and rebuilding the attendance summaries.</summary>
internal static class DbCommands
{
    public static Command Create(TextWriter output)
    {
        var db = new Command("db", "The database: migrations and maintenance.");

        var migrate = new Command("migrate", "Apply any pending migrations (every command also does this first).");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var context = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var applied = await context.Database.GetAppliedMigrationsAsync(ct);
            await output.WriteLineAsync($"{scope.ServiceProvider.GetRequiredService<DatabaseSelection>().Provider.Name}: up to date ({applied.Count()} migrations applied)");
        });
        db.Subcommands.Add(migrate);

        var status = new Command("status", "Show which database is in use and what it holds.");
        status.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var selection = scope.ServiceProvider.GetRequiredService<DatabaseSelection>();
            var context = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            await output.WriteLineAsync($"provider: {selection.Provider.Name}");
            await output.WriteLineAsync($"migrations applied: {(await context.Database.GetAppliedMigrationsAsync(ct)).Count()}");
            foreach (var i in await context.Institutions.AsNoTracking().OrderBy(x => x.Code).ToListAsync(ct))
            {
                var students = await context.Students.CountAsync(s => s.InstitutionId == i.Id, ct);
                await output.WriteLineAsync($"institution {i.Code}: {i.Name} ({students:N0} students)");
            }
            await output.WriteLineAsync($"attendance marks: {await context.AttendanceMarks.LongCountAsync(ct):N0}");
        });
        db.Subcommands.Add(status);

        var institution = new Option<string?>("--institution") { Description = "Institution code (needed when the database holds several)." };
        var rebuild = new Command("rebuild-summaries", "Recompute the weekly attendance summaries from the marks, and every student's summary and score (after editing the code table).") { institution };
        rebuild.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var context = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(context, parse.GetValue(institution), ct);
            await using var tx = await context.Database.BeginTransactionAsync(ct);
            await scope.ServiceProvider.GetRequiredService<IAttendanceStore>().RebuildWeeksAsync(context, target.Id, ct);
            // The students' summaries and scores are sums of the weeks: recomputed with them, in the same transaction.
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var students = await Core.Features.Analytics.StudentSummaries.RecomputeAsync(context, target.Id, null, clock.Today(), clock.GetUtcNow().UtcDateTime, ct);
            await tx.CommitAsync(ct);
            await DataVersion.RaiseAsync(context, ct);
            await output.WriteLineAsync($"{target.Code}: weekly attendance summaries rebuilt from the marks; {students:N0} students' summaries and scores recomputed");
        });
        db.Subcommands.Add(rebuild);
        return db;
    }
}

using System.CommandLine;
using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Features.CourseChanges;
using Microsoft.Extensions.DependencyInjection;
using static Caseload.Cli.Commands.ActingStaff;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload course-changes list|reasons</c> and <c>caseload export withdrawals</c>: course changes, the
/// institution's list of reasons (each mapped to an ILR withdrawal reason code), and the ILR-friendly withdrawals file.</summary>
internal static class CourseChangesCommand
{
    private static Option<string?> InstitutionOption() => new("--institution") { Description = "Institution code (needed when the database holds several)." };

    public static Command Create(TextWriter output)
    {
        var group = new Command("course-changes", "Course changes, reduced programmes and withdrawals: list them; edit the list of reasons.");

        var listAs = As();
        var list = new Command("list", "Course changes of the students you look after, those waiting for you first.") { listAs };
        list.SetAction(async (parse, ct) =>
        {
            var (scope, viewer, _) = await ActAsAsync(parse, parse.GetValue(listAs)!, ct);
            await using var _scope = scope;
            foreach (var l in await scope.ServiceProvider.GetRequiredService<ListCourseChanges>().HandleAsync(viewer, null, ct))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"change {l.Id}  {l.RequestedAt:yyyy-MM-dd}  {(l.WaitingForYou ? "WAITING FOR YOU  " : "")}{CourseChangeWords.Describe(l.Status),-34} {l.Student}: {l.Summary} ({l.Reason})"));
            }
        });
        group.Subcommands.Add(list);

        var reasons = new Command("reasons", "The reasons offered for a course change or withdrawal, each with its ILR withdrawal reason code.");
        var listInstitution = InstitutionOption();
        var listReasons = new Command("list", "The reasons and their ILR codes.") { listInstitution };
        listReasons.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(listInstitution), ct);
            foreach (var r in await scope.ServiceProvider.GetRequiredService<ChangeReasons>().ListAsync(target.Id, activeOnly: false, ct))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{r.IlrCode,3}  {r.Name}{(r.Active ? "" : "  (retired)")}"));
            }
        });
        reasons.Subcommands.Add(listReasons);

        var addInstitution = InstitutionOption();
        var name = new Option<string>("--name") { Description = "The words staff choose, e.g. \"Moved out of the area\".", Required = true };
        var code = new Option<int>("--ilr-code") { Description = "The ILR withdrawal reason code it maps to (40 = transferred to another course here; 97 = other).", Required = true };
        var add = new Command("add", "Add a reason (or change an existing one's code, or bring a retired one back).") { addInstitution, name, code };
        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(addInstitution), ct);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = CliHost.Actor(null);
            var r = await scope.ServiceProvider.GetRequiredService<ChangeReasons>().AddAsync(target.Id, parse.GetValue(name)!, parse.GetValue(code), ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"reason \"{r.Name}\" (ILR {r.IlrCode})"));
        });
        reasons.Subcommands.Add(add);

        var retireInstitution = InstitutionOption();
        var retireName = new Option<string>("--name") { Description = "The reason's words, exactly as listed.", Required = true };
        var retire = new Command("retire", "Stop offering a reason (changes that used it keep it).") { retireInstitution, retireName };
        retire.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(retireInstitution), ct);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = CliHost.Actor(null);
            if (!await scope.ServiceProvider.GetRequiredService<ChangeReasons>().RetireAsync(target.Id, parse.GetValue(retireName)!, ct))
            {
                throw new CliException($"there is no reason \"{parse.GetValue(retireName)}\"; expected one from 'caseload course-changes reasons list'", 2);
            }
            await output.WriteLineAsync("retired");
        });
        reasons.Subcommands.Add(retire);
        group.Subcommands.Add(reasons);
        return group;
    }

    public static Command Export(TextWriter output)
    {
        var group = new Command("export", "Files for other systems.");
        var institution = InstitutionOption();
        var from = new Option<DateOnly?>("--from") { Description = "The first end date included (default: 1 August before today, the ILR year's start)." };
        var to = new Option<DateOnly?>("--to") { Description = "The last end date included (default: today)." };
        var file = new Option<FileInfo?>("--out") { Description = "Write to this file (default: the terminal)." };
        var withdrawals = new Command("withdrawals", "Every course left in the period, ILR-friendly CSV: student, ULN, course, start and end dates, completion status 3, outcome 3, withdrawal reason code.")
        {
            institution, from, to, file,
        };
        withdrawals.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            var today = Core.Shared.SchoolClock.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
            var first = parse.GetValue(from) ?? new DateOnly(today.Month >= 8 ? today.Year : today.Year - 1, 8, 1);
            var last = parse.GetValue(to) ?? today;
            var export = scope.ServiceProvider.GetRequiredService<ExportWithdrawals>();
            if (parse.GetValue(file) is { } path)
            {
                await using var writer = new StreamWriter(path.FullName, append: false, new System.Text.UTF8Encoding(false));
                var n = await export.WriteAsync(target.Id, first, last, writer, ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{n} withdrawals from {first:yyyy-MM-dd} to {last:yyyy-MM-dd} written to {path.FullName}"));
            }
            else
            {
                await export.WriteAsync(target.Id, first, last, output, ct);
            }
        });
        group.Subcommands.Add(withdrawals);
        return group;
    }
}

using System.CommandLine;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload institution add|list|bands</c>.</summary>
internal static class InstitutionCommands
{
    public static Command Create(TextWriter output)
    {
        var group = new Command("institution", "Schools and colleges in this database.");

        var code = new Option<string>("--code") { Description = "A short code, e.g. RSFC.", Required = true };
        var name = new Option<string>("--name") { Description = "The full name.", Required = true };
        var kind = new Option<InstitutionKind>("--kind") { Description = "SecondarySchool, SixthFormCollege or FurtherEducationCollege.", DefaultValueFactory = _ => InstitutionKind.SixthFormCollege };
        var add = new Command("add", "Create an institution with the default DfE code table and grade scales.") { code, name, kind };
        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var created = await scope.ServiceProvider.GetRequiredService<CreateInstitution>()
                .HandleAsync(new CreateInstitution.Request(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(kind)), ct);
            await output.WriteLineAsync($"created institution {created.Code}: {created.Name}");
        });
        group.Subcommands.Add(add);

        var list = new Command("list", "List the institutions.");
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            foreach (var i in await db.Institutions.AsNoTracking().OrderBy(x => x.Code).ToListAsync(ct))
            {
                await output.WriteLineAsync($"{i.Code}\t{i.Name}\t{i.Kind}");
            }
        });
        group.Subcommands.Add(list);

        var institution = new Option<string?>("--institution") { Description = "Institution code (needed when the database holds several)." };
        var good = new Option<decimal?>("--good") { Description = "Attendance at or above this percentage is good (default 95)." };
        var watch = new Option<decimal?>("--watch") { Description = "Attendance at or above this percentage, below good, is one to watch (default 90); below it is low." };
        var bands = new Command("bands", "Show, or set with --good and --watch, where the attendance bands begin.") { institution, good, watch };
        bands.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            var current = await SetAttendanceBands.ReadAsync(db, target.Id, ct);
            if (parse.GetValue(good) is not null || parse.GetValue(watch) is not null)
            {
                current = await scope.ServiceProvider.GetRequiredService<SetAttendanceBands>()
                    .HandleAsync(target.Id, parse.GetValue(good) ?? current.GoodFrom, parse.GetValue(watch) ?? current.WatchFrom, ct);
            }
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{target.Code}: good from {current.GoodFrom:0.##}%, watch from {current.WatchFrom:0.##}%, low below {current.WatchFrom:0.##}%"));
        });
        group.Subcommands.Add(bands);
        return group;
    }
}

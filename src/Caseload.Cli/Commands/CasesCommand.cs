using System.CommandLine;
using System.Globalization;
using Caseload.Core.Domain;
using Caseload.Core.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Caseload.Cli.Commands.ActingStaff;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload cases list|open|move</c>: the staged intervention procedure, acting as a member of staff.</summary>
internal static class CasesCommand
{
    public static Command Create(TextWriter output)
    {
        var group = new Command("cases", "Cases of the staged intervention procedure.");

        var listAs = As();
        var listStudent = new Option<string>("--student") { Description = "The student's id (the MIS's).", Required = true };
        var list = new Command("list", "A student's cases.") { listAs, listStudent };
        list.SetAction(async (parse, ct) =>
        {
            var (scope, viewer, db) = await ActAsAsync(parse, parse.GetValue(listAs)!, ct);
            await using var _scope = scope;
            var id = await StudentAsync(db, viewer, parse.GetValue(listStudent)!, ct);
            foreach (var c in await scope.ServiceProvider.GetRequiredService<ListStudentCases>().HandleAsync(viewer, id, ct))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"case {c.Id}  version {c.Version}  {c.Status,-6}  Stage {c.Stage}  {c.Reason,-11}  next review {c.NextReview:yyyy-MM-dd}  {c.Summary}"));
            }
        });
        group.Subcommands.Add(list);

        var openAs = As();
        var openStudent = new Option<string>("--student") { Description = "The student's id (the MIS's).", Required = true };
        var stage = new Option<int>("--stage") { Description = "The stage to open at.", DefaultValueFactory = _ => 1 };
        var reason = new Option<CaseReason>("--reason") { Description = "attendance, punctuality, progress, behaviour, wellbeing or other.", Required = true };
        var summary = new Option<string>("--summary") { Description = "What the case is about.", Required = true };
        var open = new Command("open", "Opens a case on a student.") { openAs, openStudent, stage, reason, summary };
        open.SetAction(async (parse, ct) =>
        {
            var (scope, viewer, db) = await ActAsAsync(parse, parse.GetValue(openAs)!, ct);
            await using var _scope = scope;
            var id = await StudentAsync(db, viewer, parse.GetValue(openStudent)!, ct);
            var c = await scope.ServiceProvider.GetRequiredService<OpenCase>()
                .HandleAsync(viewer, new OpenCase.Request(id, parse.GetValue(stage), parse.GetValue(reason), parse.GetValue(summary)!), ct)
                ?? throw new CliException("you may not see this student's pastoral record", 2);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"case {c.Id} opened at Stage {c.Stage}; next review {c.NextReview:yyyy-MM-dd}"));
        });
        group.Subcommands.Add(open);

        var moveAs = As();
        var caseId = new Option<long>("--case") { Description = "The case's number.", Required = true };
        var version = new Option<int>("--version") { Description = "The version you last saw (cases list shows it): a case changed since is refused.", Required = true };
        var to = new Option<int>("--stage") { Description = "The stage to move to.", Required = true };
        var why = new Option<string>("--why") { Description = "Why it moves.", Required = true };
        var move = new Command("move", "Escalates or de-escalates a case with a reason.") { moveAs, caseId, version, to, why };
        move.SetAction(async (parse, ct) =>
        {
            var (scope, viewer, _) = await ActAsAsync(parse, parse.GetValue(moveAs)!, ct);
            await using var _scope = scope;
            if (!await scope.ServiceProvider.GetRequiredService<MoveCase>().HandleAsync(viewer, parse.GetValue(caseId), parse.GetValue(version), parse.GetValue(to), parse.GetValue(why)!, ct))
            {
                throw new CliException($"there is no case {parse.GetValue(caseId)} you may see", 2);
            }
            await output.WriteLineAsync($"case {parse.GetValue(caseId)} moved to Stage {parse.GetValue(to)}");
        });
        group.Subcommands.Add(move);
        return group;
    }
}

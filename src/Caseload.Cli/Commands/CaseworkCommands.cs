using System.CommandLine;
using System.Globalization;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Casework;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Cli.Commands;

/// <summary>
/// <c>caseload inbox|cases|referrals</c>: casework from the command line, always acting as a named member of staff
/// (<c>--as e-mail</c>) with exactly their access — the same use cases as the pages and the API.
/// </summary>
internal static class CaseworkCommands
{
    private static Option<string> As() => new("--as") { Description = "The e-mail address of the member of staff to act as (their access applies).", Required = true };

    private static async Task<(AsyncServiceScope Scope, StudentScope Viewer, CaseloadDbContext Db)> ActAsAsync(ParseResult parse, string email, CancellationToken ct)
    {
        var scope = await CliHost.OpenAsync(parse, ct);
        var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
        var staff = await db.Staff.AsNoTracking().Where(s => s.Email == email.Trim() && s.Active).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw new CliException($"--as {email}: no active member of staff has that e-mail address", 2);
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = $"staff:{staff}";
        return (scope, await StudentScope.ForAsync(db, (await Viewers.ForStaffAsync(db, staff, ct))!, ct), db);
    }

    private static async Task<int> StudentAsync(CaseloadDbContext db, StudentScope viewer, string externalId, CancellationToken ct) =>
        await viewer.Visible(db).Where(s => s.ExternalId == externalId.Trim()).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw new CliException($"--student {externalId}: no student with that id whom you may see", 2);

    private static DateOnly Today(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();

    public static Command Inbox(TextWriter output)
    {
        var who = As();
        var command = new Command("inbox", "What needs a member of staff: referrals, cases handed over, reviews and actions, 1:1s, calls home, suggested cases.") { who };
        command.SetAction(async (parse, ct) =>
        {
            var (scope, viewer, _) = await ActAsAsync(parse, parse.GetValue(who)!, ct);
            await using var _scope = scope;
            var result = await scope.ServiceProvider.GetRequiredService<GetInbox>().HandleAsync(viewer, Today(scope), ct);
            foreach (var i in result.Items)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{i.When:yyyy-MM-dd}  {i.Kind,-20} {i.Student,-24} {i.Text}"));
            }
            await output.WriteLineAsync($"{result.Items.Count} items, {result.Count} new or overdue");
        });
        return command;
    }

    public static Command Cases(TextWriter output)
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
            foreach (var c in await scope.ServiceProvider.GetRequiredService<Core.Features.Casework.Cases>().ForStudentAsync(viewer, id, ct))
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
            var c = await scope.ServiceProvider.GetRequiredService<Core.Features.Casework.Cases>()
                .OpenAsync(viewer, new Core.Features.Casework.Cases.Open(id, parse.GetValue(stage), parse.GetValue(reason), parse.GetValue(summary)!), ct)
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
            if (!await scope.ServiceProvider.GetRequiredService<Core.Features.Casework.Cases>().MoveAsync(viewer, parse.GetValue(caseId), parse.GetValue(version), parse.GetValue(to), parse.GetValue(why)!, ct))
            {
                throw new CliException($"there is no case {parse.GetValue(caseId)} you may see", 2);
            }
            await output.WriteLineAsync($"case {parse.GetValue(caseId)} moved to Stage {parse.GetValue(to)}");
        });
        group.Subcommands.Add(move);
        return group;
    }

    public static Command Referrals(TextWriter output)
    {
        var group = new Command("referrals", "Referrals and concerns.");

        var listAs = As();
        var list = new Command("list", "Referrals sent to you or your team, and those you raised (restricted ones without their words).") { listAs };
        list.SetAction(async (parse, ct) =>
        {
            var (scope, viewer, _) = await ActAsAsync(parse, parse.GetValue(listAs)!, ct);
            await using var _scope = scope;
            var lists = await scope.ServiceProvider.GetRequiredService<Core.Features.Casework.Referrals>().ListAsync(viewer, ct);
            foreach (var (heading, lines) in new[] { ("Sent to you or your team", lists.Received), ("Raised by you", lists.RaisedByYou) })
            {
                await output.WriteLineAsync($"{heading}: {lines.Count}");
                foreach (var l in lines)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  referral {l.Id}  {l.RaisedAt:yyyy-MM-dd HH:mm}  {Core.Features.Casework.Referrals.Describe(l.Category),-22} {l.Status,-12} {l.Student}{(l.What is null ? "" : ": " + l.What)}"));
                }
            }
        });
        group.Subcommands.Add(list);

        var raiseAs = As();
        var student = new Option<string>("--student") { Description = "The student's id (the MIS's).", Required = true };
        var category = new Option<ReferralCategory>("--category") { Description = "concern, wellbeing, learningsupport, careers, counsellor, externalagency or safeguarding.", Required = true };
        var urgency = new Option<Urgency>("--urgency") { Description = "routine, soon or urgent.", DefaultValueFactory = _ => Urgency.Routine };
        var what = new Option<string>("--what") { Description = "What happened.", Required = true };
        var raise = new Command("raise", "Raises a referral or concern about a student you can see; routed by category.") { raiseAs, student, category, urgency, what };
        raise.SetAction(async (parse, ct) =>
        {
            var (scope, viewer, db) = await ActAsAsync(parse, parse.GetValue(raiseAs)!, ct);
            await using var _scope = scope;
            var id = await StudentAsync(db, viewer, parse.GetValue(student)!, ct);
            var r = await scope.ServiceProvider.GetRequiredService<Core.Features.Casework.Referrals>()
                .RaiseAsync(viewer, new Core.Features.Casework.Referrals.Raise(id, parse.GetValue(category), parse.GetValue(urgency), parse.GetValue(what)!), ct);
            await output.WriteLineAsync($"referral {r!.Id} sent to {(r.ToStaffId is { } s ? await db.Staff.Where(x => x.Id == s).Select(x => x.FirstName + " " + x.LastName).FirstAsync(ct) : Core.Features.Casework.Referrals.TeamName(r.ToRole))}");
        });
        group.Subcommands.Add(raise);
        return group;
    }
}

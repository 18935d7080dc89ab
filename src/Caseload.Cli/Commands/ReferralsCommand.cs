using System.CommandLine;
using System.Globalization;
using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Caseload.Cli.Commands.ActingStaff;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload referrals list|raise</c>: referrals and concerns, acting as a member of staff.</summary>
internal static class ReferralsCommand
{
    public static Command Create(TextWriter output)
    {
        var group = new Command("referrals", "Referrals and concerns.");

        var listAs = As();
        var list = new Command("list", "Referrals sent to you or your team, and those you raised (restricted ones without their words).") { listAs };
        list.SetAction(async (parse, ct) =>
        {
            var (scope, viewer, _) = await ActAsAsync(parse, parse.GetValue(listAs)!, ct);
            await using var _scope = scope;
            var lists = await scope.ServiceProvider.GetRequiredService<ListReferrals>().HandleAsync(viewer, ct);
            foreach (var (heading, lines) in new[] { ("Sent to you or your team", lists.Received), ("Raised by you", lists.RaisedByYou) })
            {
                await output.WriteLineAsync($"{heading}: {lines.Count}");
                foreach (var l in lines)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  referral {l.Id}  {l.RaisedAt:yyyy-MM-dd HH:mm}  {ReferralWords.Describe(l.Category),-22} {l.Status,-12} {l.Student}{(l.What is null ? "" : ": " + l.What)}"));
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
            var r = await scope.ServiceProvider.GetRequiredService<RaiseReferral>()
                .HandleAsync(viewer, new RaiseReferral.Request(id, parse.GetValue(category), parse.GetValue(urgency), parse.GetValue(what)!), ct);
            await output.WriteLineAsync($"referral {r!.Id} sent to {(r.ToStaffId is { } s ? await db.Staff.Where(x => x.Id == s).Select(x => x.FirstName + " " + x.LastName).FirstAsync(ct) : ReferralWords.TeamName(r.ToRole))}");
        });
        group.Subcommands.Add(raise);
        return group;
    }
}

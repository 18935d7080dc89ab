using System.CommandLine;
using System.Globalization;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Caseload.Cli.Commands.ActingStaff;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload inbox --as e-mail</c>: what needs a member of staff.</summary>
internal static class InboxCommand
{
    public static Command Create(TextWriter output)
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
}

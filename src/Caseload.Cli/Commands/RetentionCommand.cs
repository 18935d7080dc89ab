using System.CommandLine;
using System.Globalization;
using Caseload.Core.Features.Safeguarding;
using Microsoft.Extensions.DependencyInjection;
using static Caseload.Cli.Commands.ActingStaff;

namespace Caseload.Cli.Commands;

/// <summary>
/// <c>caseload retention report|apply --as e-mail [--years N]</c>: child-protection records past the retention rule
/// (date of birth + 25 years by default) of children who have left — listed (a dry run), or erased to a stub with dates.
/// The designated safeguarding lead's; audited.
/// </summary>
internal static class RetentionCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("retention", "Safeguarding records past the retention rule (date of birth + 25 years by default): report them, or erase them to a stub.");
        command.Subcommands.Add(Step("report", "List the children whose safeguarding records are past the rule; nothing is changed.", output, apply: false));
        command.Subcommands.Add(Step("apply", "Erase the content of those records (words, categories, body marks, shares), keeping a stub with the dates.", output, apply: true));
        return command;
    }

    private static Command Step(string name, string description, TextWriter output, bool apply)
    {
        var who = As();
        var years = new Option<int?>("--years") { Description = "The rule: date of birth plus this many years (18 to 100; default 25)." };
        var command = new Command(name, description) { who, years };
        command.SetAction(async (parse, ct) =>
        {
            var (scope, viewer, _) = await ActAsAsync(parse, parse.GetValue(who)!, ct);
            await using var _scope = scope;
            var retention = scope.ServiceProvider.GetRequiredService<SafeguardingRetention>();
            var due = (apply ? await retention.ApplyAsync(viewer, parse.GetValue(years), ct) : await retention.ReportAsync(viewer, parse.GetValue(years), ct))
                ?? throw new CliException($"--as {parse.GetValue(who)}: only the designated safeguarding lead manages retention", 2);
            foreach (var d in due)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{d.ExternalId,-10} {d.Name,-28} born {d.DateOfBirth:yyyy-MM-dd}  past the rule since {d.PastRuleOn:yyyy-MM-dd}  {d.Concerns} concerns, {d.Entries} entries"));
            }
            await output.WriteLineAsync(apply ? $"{due.Count} children's records erased to a stub" : $"{due.Count} children's records past the rule (nothing changed; `caseload retention apply` erases them)");
        });
        return command;
    }
}

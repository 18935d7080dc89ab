using System.CommandLine;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Features.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload stages</c>: the institution's staged intervention procedure — who owns each stage, how often it is reviewed.</summary>
internal static class StagesCommand
{
    public static Command Create(TextWriter output)
    {
        var institution = new Option<string?>("--institution") { Description = "Institution code (needed when the database holds several)." };
        var number = new Option<int?>("--stage") { Description = "The stage to change or add (1–9); without it, the stages are listed." };
        var name = new Option<string?>("--name") { Description = "Its name, e.g. \"Stage 5+\"." };
        var owner = new Option<string?>("--owner") { Description = $"The role that owns a case at it: {string.Join(", ", SetStage.Owners)}." };
        var with = new Option<string?>("--with") { Description = "Who else is involved, in words (\"with the senior tutor and subject staff\"); empty to clear." };
        var review = new Option<int?>("--review-days") { Description = "How often a case at this stage is reviewed, in days." };
        var command = new Command("stages", "Show the staged intervention procedure, or change one stage with --stage N and what changes.") { institution, number, name, owner, with, review };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await CliHost.OpenAsync(parse, ct);
            var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            IReadOnlyList<Core.Domain.InterventionStage> stages;
            stages = parse.GetValue(number) is { } n
                ? await SetStage.HandleAsync(db, target.Id, n, parse.GetValue(name), parse.GetValue(owner), parse.GetValue(with), parse.GetValue(review), ct)
                : await CaseStages.ForAsync(db, target.Id, ct);
            foreach (var s in stages)
            {
                await output.WriteLineAsync($"{s.Number}  {s.Name,-10} owner {s.OwnerRole,-16} review every {s.ReviewDays,3} days{(s.With is null ? "" : "  " + s.With)}");
            }
        });
        return command;
    }
}

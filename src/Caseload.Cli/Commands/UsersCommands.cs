using System.CommandLine;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Features.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Cli.Commands;

/// <summary><c>caseload users add|reset|reset-two-factor|disable|list</c>: sign-in accounts. Outside the demo there are no default passwords.</summary>
internal static class UsersCommands
{
    public static Command Create(TextWriter output)
    {
        var group = new Command("users", "Sign-in accounts for staff.");
        var institution = new Option<string?>("--institution") { Description = "Institution code (needed when the database holds several)." };

        var staff = new Option<string>("--staff") { Description = "The member of staff's staff_id (from the staff import).", Required = true };
        var fromStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one." };
        var add = new Command("add", "Create an account for a member of staff; prints a generated password once.") { staff, institution, fromStdin };
        add.SetAction(async (parse, ct) => await Run(parse, ct, async (services, db) =>
        {
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            var given = parse.GetValue(fromStdin) ? (await Console.In.ReadLineAsync(ct))?.Trim() : null;
            var password = await services.GetRequiredService<ManageUsers>().AddAsync(target.Id, parse.GetValue(staff)!, given, ct);
            await output.WriteLineAsync(given is null
                ? $"account created for {parse.GetValue(staff)}; password (shown once): {password}"
                : $"account created for {parse.GetValue(staff)}");
        }));
        group.Subcommands.Add(add);

        var email = new Option<string>("--email") { Description = "The account's e-mail address.", Required = true };
        var reset = new Command("reset", "Set a new generated password, unlock the account and end its sessions.") { email };
        reset.SetAction(async (parse, ct) => await Run(parse, ct, async (services, _) =>
        {
            var password = await services.GetRequiredService<ManageUsers>().ResetAsync(parse.GetValue(email)!, ct);
            await output.WriteLineAsync($"new password for {parse.GetValue(email)} (shown once): {password}");
        }));
        group.Subcommands.Add(reset);

        var resetTwoFactor = new Command("reset-two-factor",
            "For a lost phone: turn two-factor sign-in off and forget the authenticator; it is set up again at next sign-in where required.") { email };
        resetTwoFactor.SetAction(async (parse, ct) => await Run(parse, ct, async (services, _) =>
        {
            await services.GetRequiredService<ManageUsers>().ResetTwoFactorAsync(parse.GetValue(email)!, ct);
            await output.WriteLineAsync($"two-factor sign-in reset for {parse.GetValue(email)}; its sessions have ended");
        }));
        group.Subcommands.Add(resetTwoFactor);

        var disable = new Command("disable", "Disable an account and end all its sessions.") { email };
        disable.SetAction(async (parse, ct) => await Run(parse, ct, async (services, _) =>
        {
            await services.GetRequiredService<ManageUsers>().DisableAsync(parse.GetValue(email)!, ct);
            await output.WriteLineAsync($"{parse.GetValue(email)} disabled");
        }));
        group.Subcommands.Add(disable);

        var list = new Command("list", "List the accounts of an institution.") { institution };
        list.SetAction(async (parse, ct) => await Run(parse, ct, async (services, db) =>
        {
            var target = await CliHost.InstitutionAsync(db, parse.GetValue(institution), ct);
            foreach (var a in await services.GetRequiredService<ManageUsers>().ListAsync(target.Id, ct))
            {
                var state = a.Disabled ? "disabled" : a.Locked ? "locked" : "active";
                await output.WriteLineAsync($"{a.Email}\t{a.Name}\t{a.StaffId}\t{string.Join(";", a.Roles)}\t{state}\t{(a.TwoFactor ? "two-factor" : "password only")}");
            }
        }));
        group.Subcommands.Add(list);
        return group;
    }

    private static async Task Run(ParseResult parse, CancellationToken ct, Func<IServiceProvider, CaseloadDbContext, Task> work)
    {
        await using var scope = await CliHost.OpenAsync(parse, ct);
        await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<CaseloadDbContext>());
    }
}

using System.Text.RegularExpressions;
using Caseload.Core.Domain;
using Caseload.Core.Features.Demo;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

public sealed partial class UsersTests
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(TestDatabase db, params string[] args) => db.RunCliAsync(args);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_creates_resets_and_disables_accounts_from_the_command_line(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);

        var added = await RunAsync(db, "users", "add", "--staff", "T006");
        Assert.True(added.Exit == 0, added.Err);
        var password = Password().Match(added.Out).Groups[1].Value;
        Assert.True(password.Length >= IdentitySetup.MinimumPasswordLength, added.Out);
        Assert.True(await CheckAsync(db, "priya.desai@school.example", password));

        var again = await RunAsync(db, "users", "add", "--staff", "T006");
        Assert.Equal(1, again.Exit);
        Assert.Contains("T006 already has an account", again.Err);
        Assert.Contains("no member of staff has staff_id 'T404'", (await RunAsync(db, "users", "add", "--staff", "T404")).Err);

        var list = await RunAsync(db, "users", "list");
        Assert.Equal("priya.desai@school.example\tPriya Desai\tT006\tadministrator;student-services\tactive\tpassword only\n", list.Out);

        var reset = await RunAsync(db, "users", "reset", "--email", "PRIYA.DESAI@school.example");
        var second = Password().Match(reset.Out).Groups[1].Value;
        Assert.NotEqual(password, second);
        Assert.False(await CheckAsync(db, "priya.desai@school.example", password));
        Assert.True(await CheckAsync(db, "priya.desai@school.example", second));

        Assert.Equal(0, (await RunAsync(db, "users", "disable", "--email", "priya.desai@school.example")).Exit);
        Assert.EndsWith("\tdisabled\tpassword only\n", (await RunAsync(db, "users", "list")).Out);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Short_passwords_are_refused_and_five_failures_lock_the_account(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var refused = await db.RunAsync(async s =>
        {
            try
            {
                await s.GetRequiredService<Core.Features.Users.ManageUsers>().AddAsync(institution, "T001", "short-pass1");
                return "";
            }
            catch (Core.ValidationException e)
            {
                return e.Message;
            }
        });
        Assert.Contains("at least 12 characters", refused);

        await db.RunAsync(s => s.GetRequiredService<Core.Features.Users.ManageUsers>().AddAsync(institution, "T001", "a long enough passphrase"));
        var locked = await db.RunAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CaseloadUser>>();
            var user = (await users.FindByEmailAsync("grace.okafor@school.example"))!;
            for (var i = 0; i < 5; i++)
            {
                await users.AccessFailedAsync(user);
            }
            return await users.IsLockedOutAsync(user);
        });
        Assert.True(locked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_demo_member_of_staff_can_sign_in_with_the_demo_password(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.RunAsync(s => s.GetRequiredService<GenerateDemo>().HandleAsync(new GenerateDemo.Request(Students: 60, Seed: 3, Today: new DateOnly(2026, 11, 23))));
        await using var context = db.NewContext();
        var emails = await context.Users.Select(u => u.Email!).ToListAsync();
        Assert.Equal(await context.Staff.CountAsync(), emails.Count);
        foreach (var email in emails.Take(3))
        {
            Assert.True(await CheckAsync(db, email, IdentitySetup.DemoPassword), email);
        }
    }

    private static Task<bool> CheckAsync(TestDatabase db, string email, string password) => db.RunAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<CaseloadUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password);
    });

    [GeneratedRegex(@"\(shown once\): (\S+)")]
    private static partial Regex Password();
}

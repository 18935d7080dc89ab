using System.Diagnostics;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Imports;

/// <summary>
/// <c>samples/load-sample-school.sh</c> loads a whole small school with only documented commands, on either database:
/// afterwards its progress leader, a tutor with a group and a named student, and the parents' contacts are all there.
/// </summary>
public sealed class SampleSchoolScriptTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sample_school_loads_from_an_empty_database_with_the_documented_commands(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Caseload.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("the repository root is not above the tests");
        }
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(root.FullName, "samples", "load-sample-school.sh"), "--provider", db.Selection.Provider.Name,
                     "--connection", db.ConnectionString, "--clock-today", "2026-11-23" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["CASELOAD"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "caseload.dll")}";
        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var error = await script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        Assert.True(script.ExitCode == 0, $"exit {script.ExitCode}\n{await output}\n{error}");
        Assert.Contains("Account for the progress leader", await output, StringComparison.Ordinal);

        await using var context = db.NewContext();
        async Task<List<string>> SeenBy(string staffId)
        {
            var id = await context.Staff.Where(s => s.ExternalId == staffId).Select(s => s.Id).SingleAsync();
            var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!, new DateOnly(2026, 11, 23));
            return await scope.Pastoral(context).OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync();
        }
        Assert.Equal(["S1001", "S1002", "S1003", "S1004", "S1005"], await SeenBy("T004"));  // Year 12 and 13's leader
        Assert.Equal(["S1001", "S1002", "S1003", "S1004"], await SeenBy("T001"));           // 12A, and S1004 by name
        Assert.Equal(5, await context.StudentContacts.CountAsync());
        Assert.True(await context.Users.AnyAsync());
    }
}

using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests;

/// <summary>Limits are declared once, enforced for every save, and documented from the declaration.</summary>
public sealed class LimitsDocumentTests
{
    [Fact]
    public async Task Docs_limits_lists_every_limit_as_the_code_declares_it()
    {
        await using var db = await TestDatabase.CreateAsync("Sqlite");
        await using var context = db.NewContext();
        var expected = LimitsDocument.Render(context.Model);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Caseload.slnx")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "docs", "limits.md");
        if (Environment.GetEnvironmentVariable("CASELOAD_UPDATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(path, expected);
        }
        Assert.True(File.Exists(path) && await File.ReadAllTextAsync(path) == expected,
            "docs/limits.md differs from the declared limits: run CASELOAD_UPDATE_DOCS=1 dotnet test tests/Caseload.IntegrationTests --filter LimitsDocument");
        Assert.Contains("| Referral | What | 4,000 |", expected, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Text_longer_than_the_model_holds_is_refused_by_every_save_and_nothing_is_written(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var max = context.Model.FindEntityType(typeof(Staff))!.FindProperty(nameof(Staff.FirstName))!.GetMaxLength()!.Value;
        var before = await db.CountsAsync();
        // Straight to the context, as any door would reach it: SQLite would store it whole, PostgreSQL would fail.
        context.Staff.Add(new Staff { InstitutionId = institution, ExternalId = "T999", FirstName = new string('a', max + 1), LastName = "Long", Email = "long@school.example", Active = true });
        var refused = await Assert.ThrowsAsync<ValidationException>(() => context.SaveChangesAsync());
        Assert.Equal($"first name is {max + 1} characters long; expected at most {max}", refused.Message);
        Assert.Equal(before, await db.CountsAsync());
        Assert.Empty(context.ChangeTracker.Entries());
    }
}

using Caseload.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Database;

/// <summary>The data version the caches are keyed by: a context reads it once for a moment (one version for a request's
/// caches), reads it again after that moment, and forgets it at once when it raises the version itself.</summary>
public sealed class DataVersionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_context_reuses_the_version_it_read_for_a_moment_and_forgets_it_when_it_raises_it(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateInstitutionAsync();
        var hour = TimeSpan.FromHours(1);

        await using var request = db.NewContext();
        var first = await DataVersion.ReadAsync(request, hour, default);
        await using (var other = db.NewContext())
        {
            await DataVersion.RaiseAsync(other); // another request's change
        }
        await using (var next = db.NewContext())
        {
            Assert.Equal(first + 1, await DataVersion.ReadAsync(next)); // a request that begins after it reads the new version
        }
        Assert.Equal(first, await DataVersion.ReadAsync(request, hour, default)); // within its moment, the same version
        Assert.Equal(first + 1, await DataVersion.ReadAsync(request, TimeSpan.Zero, default)); // after it, read again

        await DataVersion.RaiseAsync(request);
        Assert.Equal(first + 2, await DataVersion.ReadAsync(request, hour, default)); // its own raise: forgotten at once
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_change_saved_through_the_requests_own_context_shows_in_the_version_it_reads_next(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var (before, after) = await db.RunAsync(async services =>
        {
            var context = services.GetRequiredService<CaseloadDbContext>();
            var before = await DataVersion.ReadAsync(context, TimeSpan.FromHours(1), default);
            var student = await context.Students.SingleAsync(s => s.ExternalId == "S1001");
            student.PreferredName = "Sam";
            await context.SaveChangesAsync(); // audited, and raises the version once committed
            return (before, await DataVersion.ReadAsync(context, TimeSpan.FromHours(1), default));
        });
        Assert.Equal(before + 1, after);
    }
}

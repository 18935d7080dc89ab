using Caseload.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Database;

/// <summary>The pooled read contexts a student's page reads its sections on: they read the same database, track nothing,
/// come back clean from the pool, and refuse to save (a change through them would not be audited).</summary>
public sealed class ReadContextsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Read_contexts_read_untracked_and_refuse_to_save_before_and_after_a_trip_through_the_pool(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var reads = new ReadContexts(db.Selection);
        for (var round = 0; round < 2; round++)
        {
            await using var context = reads.Rent();
            var student = await context.Students.SingleAsync(s => s.ExternalId == "S1001");
            Assert.Empty(context.ChangeTracker.Entries());
            student.LastName = "Changed";
            context.Students.Update(student);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
            Assert.Contains("cannot save", refused.Message, StringComparison.Ordinal);
        }
        await using var check = db.NewContext();
        Assert.NotEqual("Changed", (await check.Students.SingleAsync(s => s.ExternalId == "S1001")).LastName);
        Assert.Equal(0, await check.AuditEvents.CountAsync(a => a.Entity == "Student" && a.Action == Core.Domain.AuditAction.Update));
    }
}

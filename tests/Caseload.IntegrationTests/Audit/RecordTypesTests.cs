using Caseload.Core.Features.Audit;

namespace Caseload.IntegrationTests.Audit;

/// <summary>The audit log's record types to search by: every type the data context audits and the reads it records, in
/// words, once each; never the types it does not audit (the trail itself, sessions, summaries).</summary>
public sealed class RecordTypesTests
{
    [Fact]
    public async Task The_record_types_are_what_is_audited_in_words_once_each()
    {
        await using var db = await TestDatabase.CreateAsync("Sqlite");
        await using var context = db.NewContext();
        var all = RecordTypes.All(context);
        var names = all.Select(t => t.Entity).ToHashSet(StringComparer.Ordinal);

        Assert.Contains(("Referral", "Referral"), all);
        Assert.Contains(("SafeguardingEntry", "Safeguarding entry"), all);
        Assert.Contains(("InterventionCase", "Intervention case"), all);
        Assert.Contains(("StudentProfile", "Student's profile"), all);
        Assert.DoesNotContain("AuditEvent", names);
        Assert.DoesNotContain("UserSession", names);
        Assert.DoesNotContain("StudentSummary", names);
        Assert.Equal(all.Count, all.Select(t => t.Words).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(all, t => Assert.DoesNotContain('`', t.Words));
        Assert.Equal([.. all.Select(t => t.Words).Order(StringComparer.OrdinalIgnoreCase)], all.Select(t => t.Words));
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Safeguarding;

/// <summary>
/// The retention rule from the command line, with hand-made dates against the test clock's Monday, 23 November 2026:
/// date of birth + 25 years, children who have left. <c>report</c> lists exactly those past the rule and changes
/// nothing; <c>apply</c> erases their records' content to a stub with dates; only the designated lead runs either.
/// </summary>
public sealed class SafeguardingRetentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Report_lists_exactly_the_records_past_the_rule_and_apply_erases_them_to_a_stub(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var ids = await context.Students.ToDictionaryAsync(s => s.ExternalId, s => s.Id);
        var leadId = await context.Staff.Where(s => s.ExternalId == "T005").Select(s => s.Id).SingleAsync();
        var lead = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, leadId))!);
        var report = db.UseCase<ReportSafeguardingConcern>(context, "staff:T005");
        var monday = new DateOnly(2026, 11, 23);
        foreach (var (student, words) in new[] { ("S1001", "Retention words A"), ("S1002", "Retention words B"), ("S1003", "Retention words C"), ("S1005", "Retention words E") })
        {
            await report.HandleAsync(lead, new(ids[student], Urgency.Soon, words, monday, null, "Library", null, "What she said", null, ["Neglect"],
                [new ReportSafeguardingConcern.Mark(BodySide.Front, "Left forearm", "Bruise")]));
        }
        // Hand-made dates: 25 today and left (due); 25 tomorrow (not yet); born long ago but still on roll (not due);
        // born 29 February 2000, left (25 on 28 February 2025: due); left with no safeguarding record (nothing to list).
        foreach (var (student, born, onRoll) in new[] { ("S1001", new DateOnly(2001, 11, 23), false), ("S1002", new DateOnly(2001, 11, 24), false),
            ("S1003", new DateOnly(1995, 6, 1), true), ("S1005", new DateOnly(2000, 2, 29), false), ("S1004", new DateOnly(1990, 1, 1), false) })
        {
            var row = await context.Students.SingleAsync(s => s.ExternalId == student);
            (row.DateOfBirth, row.OnRoll) = (born, onRoll);
        }
        // A file kept with Amira's concern (its content as stored: encrypted bytes).
        var amiraConcern = await context.Referrals.Where(r => r.StudentId == ids["S1001"] && r.Restricted).Select(r => r.Id).SingleAsync();
        context.SafeguardingAttachments.Add(new SafeguardingAttachment
        {
            InstitutionId = institution,
            ReferralId = amiraConcern,
            StudentId = ids["S1001"],
            FileName = "note.pdf",
            ContentType = "application/pdf",
            Size = 3,
            Content = [1, 2, 3],
            UploadedByStaffId = leadId,
            UploadedAt = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
        });
        await context.SaveChangesAsync();
        const string ruth = "ruth.mensah@school.example";

        // Only the lead; the rule within its range.
        var tutor = await db.RunCliAsync(["retention", "report", "--as", "grace.okafor@school.example"]);
        Assert.Equal((2, "caseload: --as grace.okafor@school.example: only the designated safeguarding lead manages retention"), (tutor.Exit, tutor.Err.Trim()));
        var tooShort = await db.RunCliAsync(["retention", "report", "--as", ruth, "--years", "17"]);
        Assert.NotEqual(0, tooShort.Exit);
        Assert.Contains("17 years is outside the rule's range; expected 18 to 100 (the default is 25)", tooShort.Err, StringComparison.Ordinal);

        var before = await db.CountsAsync();
        var dry = await db.RunCliAsync(["retention", "report", "--as", ruth]);
        Assert.Equal(0, dry.Exit);
        var lines = dry.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("S1005", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("born 2000-02-29  past the rule since 2025-02-28  1 concerns, 0 entries", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("S1001", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("born 2001-11-23  past the rule since 2026-11-23  1 concerns, 0 entries", lines[1], StringComparison.Ordinal);
        Assert.Equal("2 children's records past the rule (nothing changed; `caseload retention apply` erases them)", lines[2]);
        var after = await db.CountsAsync();
        Assert.Equal(before.Where(c => c.Key != "audit_events"), after.Where(c => c.Key != "audit_events"));

        // A longer rule (30 years) reaches nobody yet.
        Assert.Contains("0 children's records past the rule", (await db.RunCliAsync(["retention", "report", "--as", ruth, "--years", "30"])).Out, StringComparison.Ordinal);

        var applied = await db.RunCliAsync(["retention", "apply", "--as", ruth]);
        Assert.Equal((0, "2 children's records erased to a stub"), (applied.Exit, applied.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim()));
        await using var check = db.NewContext();
        foreach (var (student, erased) in new[] { ("S1001", true), ("S1005", true), ("S1002", false), ("S1003", false) })
        {
            var concern = await check.Referrals.SingleAsync(r => r.StudentId == ids[student] && r.Restricted);
            var details = await check.SafeguardingDetails.SingleAsync(d => d.ReferralId == concern.Id);
            if (erased)
            {
                Assert.Equal("(erased under the retention rule, date of birth + 25 years, on 23 November 2026)", concern.What);
                Assert.Equal((null, null, "", monday), (details.ChildsWords, details.Place, details.Categories, details.OccurredOn)); // the dates stay
                Assert.False(await check.SafeguardingBodyMarks.AnyAsync(m => m.StudentId == ids[student]));
                Assert.False(await check.SafeguardingAttachments.AnyAsync(a => a.StudentId == ids[student]));
                Assert.True(await check.SafeguardingErasures.AnyAsync(x => x.StudentId == ids[student] && x.Years == 25));
            }
            else
            {
                Assert.StartsWith("Retention words", concern.What, StringComparison.Ordinal);
                Assert.Equal("What she said", details.ChildsWords);
                Assert.True(await check.SafeguardingBodyMarks.AnyAsync(m => m.StudentId == ids[student]));
            }
        }
        // Done once: the report is empty; both steps are in the restricted audit log, without a word of the records.
        Assert.Contains("0 children's records past the rule", (await db.RunCliAsync(["retention", "report", "--as", ruth])).Out, StringComparison.Ordinal);
        var audit = await check.AuditEvents.Where(a => a.Entity == "SafeguardingRetention").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["report", "report", "apply", "report"], audit.Select(a => a.EntityId));
        Assert.All(audit, a => Assert.True(a.Restricted));
        Assert.False(await check.AuditEvents.AnyAsync(a => a.Changes != null && a.Changes.Contains("Retention words")));
    }
}

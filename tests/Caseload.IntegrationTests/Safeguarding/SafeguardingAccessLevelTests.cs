using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Audit;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Features.Users;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Safeguarding;

/// <summary>
/// Access levels as the lead gives them (decision 0015): a deputy limited to a year group or a category reads exactly
/// the concerns inside the limit; a trusted member of staff reads what they reported and what is shared with them; a
/// reporter reads nothing; each level needs two-factor sign-in; only the lead gives levels.
/// </summary>
public sealed class SafeguardingAccessLevelTests
{
    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deputies_read_within_their_year_groups_and_categories_trusted_staff_their_own_and_shared_concerns_and_nobody_else_anything(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var staff = await context.Staff.ToDictionaryAsync(s => s.ExternalId, s => s.Id);
        if (!await context.YearGroups.AnyAsync(y => y.Code == "13"))
        {
            context.YearGroups.Add(new YearGroup { InstitutionId = institution, Code = "13", Name = "Year 13 (Upper Sixth)" });
            await context.SaveChangesAsync();
        }
        var years = await context.YearGroups.ToDictionaryAsync(y => y.Code, y => y.Id);
        // Chidi (Grace's tutee) moves up to Year 13, so the two children are in different years.
        var chidiRow = await context.Students.SingleAsync(s => s.ExternalId == "S1003");
        chidiRow.YearGroupId = years["13"];
        await context.SaveChangesAsync();
        var (amira, chidi) = (await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync(), chidiRow.Id);
        var today = new DateOnly(2026, 11, 23);

        // Two concerns: Amira (Year 12, neglect) reported by Aisha; Chidi (Year 13, self-harm) reported by Grace.
        var report = db.UseCase<ReportSafeguardingConcern>(context, "staff:T003");
        var neglect = (await report.HandleAsync(await ScopeAsync(context, "T003"), new(amira, Urgency.Soon, "Hungry every morning.", today, null, null, null, null, null, ["Neglect"])))!;
        var selfHarm = (await db.UseCase<ReportSafeguardingConcern>(context, "staff:T001").HandleAsync(await ScopeAsync(context, "T001"),
            new(chidi, Urgency.Urgent, "Cuts on his forearm in PE.", today, null, null, null, null, null, ["Self-harm"])))!;

        var levels = db.UseCase<SafeguardingAccessLevels>(context, "staff:T005");
        var lead = (await ScopeAsync(context, "T005")).Viewer;

        // Refused, nothing written: someone who has left, the lead herself, a category the school does not use, a level
        // that is not given here; and nobody but the lead gives levels.
        var before = await db.CountsAsync();
        Assert.Equal("Paul Green has left; choose someone who is still here",
            (await Assert.ThrowsAsync<ValidationException>(() => levels.GrantAsync(lead, new(staff["T022"], SafeguardingLevel.Deputy, null, null, null)))).Message);
        Assert.Equal("Ruth Mensah is a designated safeguarding lead already (their MIS role)",
            (await Assert.ThrowsAsync<ValidationException>(() => levels.GrantAsync(lead, new(staff["T005"], SafeguardingLevel.Deputy, null, null, null)))).Message);
        Assert.StartsWith("'Gangs' is not one of this institution's safeguarding categories; expected one of Neglect, ",
            (await Assert.ThrowsAsync<ValidationException>(() => levels.GrantAsync(lead, new(staff["T023"], SafeguardingLevel.Deputy, ["Gangs"], null, null)))).Message);
        await Assert.ThrowsAsync<ValidationException>(() => levels.GrantAsync(lead, new(staff["T023"], SafeguardingLevel.Lead, null, null, null)));
        Assert.False(await levels.GrantAsync((await ScopeAsync(context, "T006")).Viewer, new(staff["T023"], SafeguardingLevel.Deputy, null, null, null)));
        Assert.Null(await levels.ListAsync((await ScopeAsync(context, "T021")).Viewer));
        Assert.Equal(before, await db.CountsAsync());

        // Owen: deputy for Year 13. Hannah: deputy for self-harm. Grace: trusted. Each now needs two-factor sign-in.
        var twoFactor = new TwoFactorSettings(context);
        Assert.False(await twoFactor.RequiredForStaffAsync(staff["T001"]));
        Assert.True(await levels.GrantAsync(lead, new(staff["T023"], SafeguardingLevel.Deputy, null, [years["13"]], null)));
        Assert.True(await levels.GrantAsync(lead, new(staff["T020"], SafeguardingLevel.Deputy, ["Self-harm"], null, null)));
        Assert.True(await levels.GrantAsync(lead, new(staff["T001"], SafeguardingLevel.Trusted, null, null, null)));
        Assert.True(await twoFactor.RequiredForStaffAsync(staff["T001"]));
        Assert.True(await twoFactor.RequiredForStaffAsync(staff["T023"]));
        var list = (await levels.ListAsync(lead))!;
        Assert.Equal(["Ruth Mensah Lead", "Owen Clarke Deputy Year 13 (Upper Sixth)", "Hannah Price Deputy Self-harm", "Grace Okafor Trusted"],
            list.Select(h => $"{h.Name} {h.Level}{(h.Categories is null ? "" : " " + string.Join(",", h.Categories))}{(h.YearGroups is null ? "" : " " + string.Join(",", h.YearGroups))}"));

        async Task<long[]> ConcernsFor(string who)
        {
            var scope = await ScopeAsync(context, who);
            return [.. (await db.UseCase<ReferralAccess>(context, "staff:" + who).Readable(scope).Where(r => r.Restricted).Select(r => r.Id).ToListAsync()).Order()];
        }
        async Task<GetSafeguardingChronology.Chronology?> ChronologyFor(string who, int student) =>
            await db.UseCase<GetSafeguardingChronology>(context, "staff:" + who).HandleAsync(await ScopeAsync(context, who), student);

        Assert.Equal([neglect.Id, selfHarm.Id], await ConcernsFor("T005"));
        Assert.Equal([selfHarm.Id], await ConcernsFor("T023")); // Year 13 only
        Assert.Equal([selfHarm.Id], await ConcernsFor("T020")); // self-harm only
        Assert.Equal([selfHarm.Id], await ConcernsFor("T001")); // Grace reported it
        Assert.Empty(await ConcernsFor("T003")); // Aisha reported the other but is not trusted: a receipt only
        Assert.Empty(await ConcernsFor("T021")); // a senior leader
        Assert.Null(await ChronologyFor("T023", amira));
        Assert.Null(await ChronologyFor("T020", amira));
        Assert.Equal(ChronologyAccess.Team, (await ChronologyFor("T023", chidi))!.Access);
        var graces = (await ChronologyFor("T001", chidi))!;
        Assert.Equal((ChronologyAccess.Trusted, "Cuts on his forearm in PE."), (graces.Access, Assert.Single(graces.Lines).Concern!.What));
        Assert.Null(await ChronologyFor("T001", amira));
        Assert.Null(await ChronologyFor("T003", amira));

        // A new concern reaches the inboxes of the deputies whose remit holds it, not the others'.
        var inbox = db.UseCase<GetInbox>(context);
        Assert.Equal([$"/referrals/{selfHarm.Id}"], (await inbox.HandleAsync(await ScopeAsync(context, "T023"), today)).Items
            .Where(i => i.Kind is GetInbox.Kind.ReferralNew or GetInbox.Kind.ReferralOpen).Select(i => i.Link));
        Assert.Equal(2, (await inbox.HandleAsync(await ScopeAsync(context, "T005"), today)).Items.Count(i => i.Kind is GetInbox.Kind.ReferralNew or GetInbox.Kind.ReferralOpen));
        // A deputy acts only within the remit: Owen cannot add to Amira's record, he can to Chidi's.
        var owen = await ScopeAsync(context, "T023");
        Assert.False(await db.UseCase<AddSafeguardingNote>(context, "staff:T023").HandleAsync(owen, amira, neglect.Id, today, "Spoke to mum."));
        Assert.True(await db.UseCase<AddSafeguardingNote>(context, "staff:T023").HandleAsync(owen, chidi, selfHarm.Id, today, "Seen by the school nurse."));
        // The audit log's restricted entries are for the lead and unlimited deputies only.
        Assert.True(SearchAudit.SeesRestricted(lead));
        Assert.False(SearchAudit.SeesRestricted(owen.Viewer));

        // The lead shares Amira's concern with Grace (trusted); not with Aisha, who is not.
        var share = db.UseCase<ShareConcern>(context, "staff:T005");
        var leadScope = await ScopeAsync(context, "T005");
        Assert.StartsWith("choose a member of trusted staff", (await Assert.ThrowsAsync<ValidationException>(() => share.HandleAsync(leadScope, neglect.Id, staff["T003"]))).Message);
        Assert.False(await db.UseCase<ShareConcern>(context, "staff:T001").HandleAsync(await ScopeAsync(context, "T001"), neglect.Id, staff["T001"])); // not hers to share
        Assert.True(await share.HandleAsync(leadScope, neglect.Id, staff["T001"]));
        Assert.Equal([neglect.Id, selfHarm.Id], await ConcernsFor("T001"));
        Assert.Equal("Hungry every morning.", Assert.Single((await ChronologyFor("T001", amira))!.Lines).Concern!.What);
        // Trusted staff read; they do not act on the record.
        Assert.False(await db.UseCase<AddSafeguardingNote>(context, "staff:T001").HandleAsync(await ScopeAsync(context, "T001"), amira, neglect.Id, today, "x"));

        // Two people change Grace's level at once: the second is told, not overwritten.
        var graceLevel = (await levels.ListAsync(lead))!.Single(h => h.StaffId == staff["T001"]);
        Assert.True(await levels.GrantAsync(lead, new(staff["T001"], SafeguardingLevel.Trusted, ["Neglect"], null, graceLevel.Version)));
        await Assert.ThrowsAsync<ConcurrencyException>(() => levels.GrantAsync(lead, new(staff["T001"], SafeguardingLevel.Deputy, null, null, graceLevel.Version)));
        // Removing the level: Grace is a reporter again and reads nothing, not even what she reported.
        var current = (await levels.ListAsync(lead))!.Single(h => h.StaffId == staff["T001"]).Version;
        Assert.True(await levels.RemoveAsync(lead, staff["T001"], current));
        Assert.Empty(await ConcernsFor("T001"));
        Assert.Null(await ChronologyFor("T001", chidi));
        Assert.False(await twoFactor.RequiredForStaffAsync(staff["T001"]));
    }
}

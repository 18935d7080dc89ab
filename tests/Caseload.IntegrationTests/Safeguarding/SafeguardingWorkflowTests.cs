using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Safeguarding;

/// <summary>The safeguarding team's work on a concern: an action that reaches its owner's inbox without the words, a
/// referral to an agency with the consent rule, closing with a monitoring period whose review reaches the team's inbox.</summary>
public sealed class SafeguardingWorkflowTests
{
    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_action_reaches_its_owner_without_the_words_an_agency_referral_needs_consent_where_the_law_does_and_monitoring_comes_back_for_review(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var lead = await ScopeAsync(context, "T005");
        var grace = await ScopeAsync(context, "T001"); // Amira's tutor
        var staff = await context.Staff.ToDictionaryAsync(s => s.ExternalId, s => s.Id);
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var concern = (await db.UseCase<ReportSafeguardingConcern>(context, "staff:T003").HandleAsync(await ScopeAsync(context, "T003"),
            new ReportSafeguardingConcern.Request(amira, Urgency.Soon, "Hungry every morning; same clothes all week.", new DateOnly(2026, 11, 23), null, null, null,
                "There's no food at home.", null, ["Neglect"])))!;
        var today = new DateOnly(2026, 11, 23); // the test clock's Monday
        var add = db.UseCase<AddSafeguardingAction>(context, "staff:T005");

        // Refused, nothing written: someone who has left (Paul, 23 October), a date past, no words; a tutor cannot set one.
        var before = await db.CountsAsync();
        Assert.Equal("Paul Green left on 23 October 2026; choose someone who is still here",
            (await Assert.ThrowsAsync<ValidationException>(() => add.HandleAsync(lead, new(concern.Id, staff["T022"], today.AddDays(2), "Check in", false)))).Message);
        Assert.Contains("is in the past", (await Assert.ThrowsAsync<ValidationException>(() => add.HandleAsync(lead, new(concern.Id, staff["T001"], today.AddDays(-1), "Check in", false)))).Message);
        Assert.Equal("write what the action is", (await Assert.ThrowsAsync<ValidationException>(() => add.HandleAsync(lead, new(concern.Id, staff["T001"], today, " ", false)))).Message);
        Assert.Null(await db.UseCase<AddSafeguardingAction>(context, "staff:T001").HandleAsync(grace, new(concern.Id, staff["T001"], today, "x", true)));
        Assert.Equal(before, await db.CountsAsync());

        // An unshared action for Grace, due Wednesday: her inbox says the team asked something of her, never what.
        var action = (await add.HandleAsync(lead, new(concern.Id, staff["T001"], new DateOnly(2026, 11, 25), "Breakfast club place; note who brings her.", false)))!.Value;
        var item = Assert.Single((await db.UseCase<GetInbox>(context).HandleAsync(grace, today)).Items, i => i.Kind == GetInbox.Kind.SafeguardingActionDue);
        Assert.Equal(($"/safeguarding/actions/{action}", "Amira Hassan", new DateOnly(2026, 11, 25)), (item.Link, item.Student, item.When));
        Assert.DoesNotContain("Breakfast", item.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("food", item.Text, StringComparison.Ordinal);
        var task = (await db.UseCase<GetSafeguardingTask>(context, "staff:T001").HandleAsync(grace, action))!;
        Assert.Null(task.Text);
        Assert.Equal("Ruth Mensah", task.SetBy);
        // Nobody else reaches it: the senior tutor, the administrator.
        Assert.Null(await db.UseCase<GetSafeguardingTask>(context, "staff:T002").HandleAsync(await ScopeAsync(context, "T002"), action));
        Assert.Null(await db.UseCase<GetSafeguardingTask>(context, "staff:T006").HandleAsync(await ScopeAsync(context, "T006"), action));
        // Thursday it is overdue (counted in the badge); Grace marks it done and it leaves her inbox.
        var thursday = await db.UseCase<GetInbox>(context).HandleAsync(grace, new DateOnly(2026, 11, 26));
        Assert.Contains(thursday.Items, i => i.Kind == GetInbox.Kind.SafeguardingActionOverdue);
        // The lead is told too, to chase it, with the words (hers to read); not before it is late.
        Assert.DoesNotContain((await db.UseCase<GetInbox>(context).HandleAsync(lead, new DateOnly(2026, 11, 25))).Items, i => i.Kind == GetInbox.Kind.SafeguardingActionOverdue);
        var chase = Assert.Single((await db.UseCase<GetInbox>(context).HandleAsync(lead, new DateOnly(2026, 11, 26))).Items, i => i.Kind == GetInbox.Kind.SafeguardingActionOverdue);
        Assert.Equal(("Not done by Grace Okafor: Breakfast club place; note who brings her.", $"/students/{amira}/safeguarding#entry-{action}"), (chase.Text, chase.Link));
        Assert.True(await db.UseCase<CompleteSafeguardingAction>(context, "staff:T001").HandleAsync(grace, action, task.Version, "Place booked from Tuesday; mum brings her."));
        Assert.DoesNotContain((await db.UseCase<GetInbox>(context).HandleAsync(grace, new DateOnly(2026, 11, 26))).Items, i => i.Kind is GetInbox.Kind.SafeguardingActionOverdue or GetInbox.Kind.SafeguardingActionDue);
        await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<CompleteSafeguardingAction>(context, "staff:T001").HandleAsync(grace, action, task.Version + 1, "again"));

        // Agency referrals: Early Help is voluntary, so without consent it is refused; children's social care is not.
        var refer = db.UseCase<RecordAgencyReferral>(context, "staff:T005");
        Assert.Contains("needs consent", (await Assert.ThrowsAsync<ValidationException>(() => refer.HandleAsync(lead, new(concern.Id, "Early Help", today, null, false, "Family support")))).Message);
        Assert.Contains("choose the agency", (await Assert.ThrowsAsync<ValidationException>(() => refer.HandleAsync(lead, new(concern.Id, "The neighbours", today, null, true, "x")))).Message);
        Assert.True(await refer.HandleAsync(lead, new(concern.Id, "early help", today, "EH-4471", true, "Mum agreed to an Early Help assessment.")));

        // Closed with monitoring to Monday 30 November: nothing for review before then; on the day, the team's inbox has it.
        var version = (await context.Referrals.AsNoTracking().SingleAsync(r => r.Id == concern.Id)).Version;
        Assert.True(await db.UseCase<CloseConcern>(context, "staff:T005").HandleAsync(lead, concern.Id, version, "Early Help in place; food at home confirmed.", new DateOnly(2026, 11, 30)));
        Assert.Equal(ReferralStatus.Closed, (await context.Referrals.AsNoTracking().SingleAsync(r => r.Id == concern.Id)).Status);
        var inbox = db.UseCase<GetInbox>(context);
        Assert.DoesNotContain((await inbox.HandleAsync(lead, new DateOnly(2026, 11, 27))).Items, i => i.Kind == GetInbox.Kind.SafeguardingReview);
        var review = Assert.Single((await inbox.HandleAsync(lead, new DateOnly(2026, 11, 30))).Items, i => i.Kind == GetInbox.Kind.SafeguardingReview);
        Assert.Equal($"/students/{amira}/safeguarding", review.Link);
        Assert.DoesNotContain((await inbox.HandleAsync(grace, new DateOnly(2026, 11, 30))).Items, i => i.Kind == GetInbox.Kind.SafeguardingReview);
        // The review ends it (on the day the inbox said), and the item goes.
        db.Clock.Now = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        Assert.True(await db.UseCase<ReviewMonitoring>(context, "staff:T005").HandleAsync(lead, amira, null, "Attending breakfast club; no further worries."));
        Assert.DoesNotContain((await inbox.HandleAsync(lead, new DateOnly(2026, 11, 30))).Items, i => i.Kind == GetInbox.Kind.SafeguardingReview);

        // The chronology, in order: the concern, the action (done, with Grace's note), the referral, the closure, the
        // monitoring and its end.
        var chronology = (await db.UseCase<GetSafeguardingChronology>(context, "staff:T005").HandleAsync(lead, amira))!;
        Assert.Equal(["Concern", "Action", "AgencyReferral", "Closed", "Monitoring", "Monitoring"], chronology.Lines.Select(l => l.Entry?.Kind.ToString() ?? "Concern"));
        var done = chronology.Lines[1].Entry!;
        Assert.Equal(("Grace Okafor", "Place booked from Tuesday; mum brings her.", "Grace Okafor"), (done.Owner, done.DoneNote, done.DoneBy));
        Assert.Equal(("Early Help", "EH-4471", true), (chronology.Lines[2].Entry!.Agency, chronology.Lines[2].Entry!.Reference, chronology.Lines[2].Entry!.Consent));
        Assert.Null(chronology.MonitoredUntil);
    }
}

/// <summary>Break-glass: a senior leader opens a child's safeguarding record for an hour with a reason; the team is told.</summary>
public sealed class BreakGlassTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_senior_leader_reads_the_record_for_an_hour_after_giving_a_reason_and_the_safeguarding_team_sees_that_they_did(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        async Task<StudentScope> ScopeAsync(string staff) => await StudentScope.ForAsync(context,
            (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!);
        var senior = await ScopeAsync("T021");
        var lead = await ScopeAsync("T005");
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var concern = (await db.UseCase<ReportSafeguardingConcern>(context, "staff:T003").HandleAsync(await ScopeAsync("T003"),
            new ReportSafeguardingConcern.Request(amira, Urgency.Urgent, "Disclosed at lunch.", new DateOnly(2026, 11, 23), null, null, null, "Words only the team reads", null, ["Neglect"])))!;
        var chronology = db.UseCase<GetSafeguardingChronology>(context, "staff:T021");
        var glass = db.UseCase<BreakGlass>(context, "staff:T021");

        // Without breaking the glass a senior leader reads nothing; a reason is required; a tutor cannot break it.
        Assert.Null(await chronology.HandleAsync(senior, amira));
        Assert.Equal("write why you need to open this child's safeguarding record now", (await Assert.ThrowsAsync<ValidationException>(() => glass.OpenAsync(senior, amira, " "))).Message);
        Assert.False(await db.UseCase<BreakGlass>(context, "staff:T001").OpenAsync(await ScopeAsync("T001"), amira, "Curious"));
        Assert.Null(await chronology.HandleAsync(senior, amira));

        // With a reason (the clock says 08:30): the record, to read only; the team's inbox says who, when and why.
        Assert.True(await glass.OpenAsync(senior, amira, "Police at reception asking about Amira; DSL and deputy unreachable."));
        var opened = (await chronology.HandleAsync(senior, amira))!;
        Assert.True(opened.ReadOnly);
        Assert.Equal("Words only the team reads", Assert.Single(opened.Lines).Concern!.ChildsWords);
        Assert.Empty(opened.Openings); // the list of openings is the team's
        Assert.False(await db.UseCase<TriageConcern>(context, "staff:T021").HandleAsync(senior, concern.Id, 0, SafeguardingDecision.Monitor, "No"));
        var told = Assert.Single((await db.UseCase<GetInbox>(context).HandleAsync(lead, new DateOnly(2026, 11, 23))).Items, i => i.Kind == GetInbox.Kind.BreakGlass);
        Assert.Equal("Marcus Reid opened the safeguarding record (break-glass) at 08:30: Police at reception asking about Amira; DSL and deputy unreachable.", told.Text);
        Assert.Single((await db.UseCase<GetSafeguardingChronology>(context, "staff:T005").HandleAsync(lead, amira))!.Openings);

        // An hour later it has closed again; the lead marks it seen and it leaves the inbox.
        db.Clock.Now = db.Clock.Now.AddMinutes(Limits.BreakGlassMinutes);
        Assert.Null(await db.UseCase<GetSafeguardingChronology>(context, "staff:T021").HandleAsync(senior, amira));
        var opening = Assert.Single((await db.UseCase<GetSafeguardingChronology>(context, "staff:T005").HandleAsync(lead, amira))!.Openings);
        Assert.False(await db.UseCase<BreakGlass>(context, "staff:T021").MarkSeenAsync(senior, opening.Id));
        Assert.True(await db.UseCase<BreakGlass>(context, "staff:T005").MarkSeenAsync(lead, opening.Id));
        Assert.DoesNotContain((await db.UseCase<GetInbox>(context).HandleAsync(lead, new DateOnly(2026, 11, 23))).Items, i => i.Kind == GetInbox.Kind.BreakGlass);
        // Its reads were audited as restricted reads of the concern, by the senior leader.
        Assert.True(await context.AuditEvents.AnyAsync(a => a.Action == AuditAction.Read && a.Entity == "Referral" && a.EntityId == concern.Id.ToString() && a.Actor == "staff:T021" && a.Restricted));
    }
}

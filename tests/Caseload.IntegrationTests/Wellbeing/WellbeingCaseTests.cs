using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Features.Wellbeing;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Wellbeing;

/// <summary>
/// The wellbeing team's own cases (decision 0018), on both databases, against the test clock's Monday 23 November 2026:
/// Grace (tutor) refers Amira to the wellbeing team; Leah (wellbeing) opens a case from the referral at stage 1, reviewed
/// 14 days on (Monday 7 December); moving it to counselling needs a counsellor as owner (Leah refused, Sam accepted: a
/// counsellor with no other role is in the team); Sam's counselling note is read by counsellors only — Leah sees that a
/// session was recorded, not its words, and the audit log holds "(confidential)"; Grace and an administrator cannot
/// open the case; an overdue review reaches Sam's inbox; a stale version is refused; a closed case takes nothing more.
/// </summary>
public sealed class WellbeingCaseTests
{
    private const string Words = "Counselling words: talked about the loss of her grandmother";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_wellbeing_team_runs_its_own_staged_cases_and_counselling_notes_stay_with_counsellors(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        foreach (var (externalId, first, role) in new[] { ("T030", "Leah", Roles.Wellbeing), ("T031", "Sam", Roles.Counsellor) })
        {
            context.Staff.Add(new Staff { InstitutionId = institution, ExternalId = externalId, FirstName = first, LastName = "Test", Email = $"{first.ToLowerInvariant()}@school.example", Roles = [new StaffRole { Role = role }] });
        }
        await context.SaveChangesAsync();
        async Task<StudentScope> ScopeOf(string staff) => await StudentScope.ForAsync(context,
            (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.InstitutionId == institution && s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!);
        var (grace, leah, sam, admin) = (await ScopeOf("T001"), await ScopeOf("T030"), await ScopeOf("T031"), await ScopeOf("T006"));
        var samId = sam.Viewer.StaffId;
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var referral = (await db.UseCase<RaiseReferral>(context, "staff:T001").HandleAsync(grace, new(amira, ReferralCategory.Wellbeing, Urgency.Soon, "Tearful in tutor time; says she is not sleeping")))!;

        // Leah's page: the referral waits for a case; nobody outside the team has the page.
        var list = db.UseCase<ListWellbeingCases>(context, "staff:T030");
        Assert.Equal(referral.Id, Assert.Single((await list.HandleAsync(leah))!.Referrals).ReferralId);
        Assert.NotNull(await list.HandleAsync(sam));
        Assert.Null(await list.HandleAsync(grace));
        Assert.Null(await list.HandleAsync(admin));

        var open = db.UseCase<OpenWellbeingCase>(context, "staff:T030");
        Assert.Null(await open.HandleAsync(grace, new(referral.Id, 1, null, "Sleep")));
        Assert.Equal("stage 3 (Counselling) is owned by a counsellor, and Leah Test is not one",
            (await Assert.ThrowsAsync<ValidationException>(() => open.HandleAsync(leah, new(referral.Id, 3, null, "Sleep")))).Message);
        var id = (await open.HandleAsync(leah, new(referral.Id, 1, null, "Not sleeping; grief")))!.Value;
        Assert.Contains("already has an open wellbeing case (stage 1, Check-in)",
            (await Assert.ThrowsAsync<ValidationException>(() => open.HandleAsync(leah, new(referral.Id, 1, null, "Again")))).Message, StringComparison.Ordinal);
        Assert.Empty((await list.HandleAsync(leah))!.Referrals);

        var get = db.UseCase<GetWellbeingCase>(context, "staff:T030");
        var c = (await get.HandleAsync(leah, id))!;
        Assert.Equal((1, "Check-in", new DateOnly(2026, 12, 7), leah.Viewer.StaffId), (c.Stage, c.StageName, c.NextReview, c.OwnerStaffId));
        Assert.Null(await get.HandleAsync(grace, id));
        Assert.Null(await get.HandleAsync(admin, id));

        // To counselling: a counsellor owns it (28-day reviews: Monday 21 December).
        var changes = db.UseCase<WellbeingCaseChanges>(context, "staff:T030");
        Assert.Equal("stage 3 (Counselling) is owned by a counsellor, and Leah Test is not one",
            (await Assert.ThrowsAsync<ValidationException>(() => changes.MoveAsync(leah, id, c.Version, 3, null, "Wants to talk to someone"))).Message);
        Assert.True(await changes.MoveAsync(leah, id, c.Version, 3, samId, "Wants to talk to someone"));
        Assert.Equal((3, samId, new DateOnly(2026, 12, 21)), ((await get.HandleAsync(leah, id))!.Stage, (await get.HandleAsync(leah, id))!.OwnerStaffId, (await get.HandleAsync(leah, id))!.NextReview));
        await Assert.ThrowsAsync<ConcurrencyException>(() => changes.ReviewAsync(leah, id, c.Version, new DateOnly(2026, 12, 1), "Stale"));

        // Counselling notes: counsellors only.
        Assert.Equal("only counsellors keep counselling notes; record a note instead",
            (await Assert.ThrowsAsync<ValidationException>(() => changes.NoteAsync(leah, id, counselling: true, null, Words))).Message);
        Assert.Equal("the day of the note (20 November 2026) is before the case was opened (23 November 2026); expected that day or later",
            (await Assert.ThrowsAsync<ValidationException>(() => changes.NoteAsync(sam, id, counselling: true, new DateOnly(2026, 11, 20), Words))).Message);
        Assert.True(await changes.NoteAsync(sam, id, counselling: true, new DateOnly(2026, 11, 23), Words));
        Assert.True(await changes.NoteAsync(leah, id, counselling: false, null, "Checked in at lunch; seemed brighter"));
        var forLeah = (await get.HandleAsync(leah, id))!;
        var session = Assert.Single(forLeah.Lines, l => l.Kind == WellbeingNoteKind.Counselling);
        Assert.Equal((new DateOnly(2026, 11, 23), (string?)null), (session.On, session.Text));
        Assert.Equal(Words, Assert.Single((await get.HandleAsync(sam, id))!.Lines, l => l.Kind == WellbeingNoteKind.Counselling).Text);
        Assert.Equal(["Opened", "Moved", "Counselling", "Note"], forLeah.Lines.Select(l => l.Kind.ToString()));
        Assert.Contains(await context.AuditEvents.AsNoTracking().Where(a => a.Entity == nameof(WellbeingCase) && a.Action == AuditAction.Read).ToListAsync(), a => a.StudentId == amira);
        // Through the application's services (which audit every change): the audit log says a note was added, not its words.
        Assert.True(await db.RunAsync(async services =>
        {
            services.GetRequiredService<Caseload.Core.Data.AuditActor>().Name = "staff:T031";
            var ctx = services.GetRequiredService<Caseload.Core.Data.CaseloadDbContext>();
            var scope = await StudentScope.ForAsync(ctx, (await Viewers.ForStaffAsync(ctx, samId))!);
            return await services.GetRequiredService<WellbeingCaseChanges>().NoteAsync(scope, id, counselling: true, null, Words + " (second session)");
        }));
        Assert.DoesNotContain(await context.AuditEvents.AsNoTracking().Select(a => a.Changes ?? "").ToListAsync(), changes => changes.Contains("grandmother", StringComparison.Ordinal));
        Assert.Contains(await context.AuditEvents.AsNoTracking().Where(a => a.Entity == nameof(WellbeingNote)).Select(a => a.Changes ?? "").ToListAsync(), changes => changes.Contains("(confidential)", StringComparison.Ordinal));

        // A note's day: up to 60 days back, not ahead.
        Assert.Contains("must be from", (await Assert.ThrowsAsync<ValidationException>(() => changes.NoteAsync(sam, id, false, new DateOnly(2026, 11, 24), "Tomorrow"))).Message, StringComparison.Ordinal);

        // Three weeks on, the review is due for Sam (in his inbox from 14 December, overdue after the 21st).
        var inbox = db.UseCase<GetInbox>(context, "staff:T031");
        Assert.Single((await inbox.HandleAsync(sam, new DateOnly(2026, 12, 14))).Items, i => i.Kind == GetInbox.Kind.WellbeingReviewDue && i.Link == $"/wellbeing/{id}");
        Assert.Single((await inbox.HandleAsync(sam, new DateOnly(2026, 12, 22))).Items, i => i.Kind == GetInbox.Kind.WellbeingReviewOverdue);
        Assert.DoesNotContain((await inbox.HandleAsync(leah, new DateOnly(2026, 12, 22))).Items, i => i.Kind is GetInbox.Kind.WellbeingReviewOverdue or GetInbox.Kind.WellbeingReviewDue);

        var version = (await get.HandleAsync(sam, id))!.Version;
        Assert.True(await changes.CloseAsync(sam, id, version, "Sleeping again; knows where to come"));
        Assert.Contains("this case was closed on 23 November 2026", (await Assert.ThrowsAsync<ValidationException>(() => changes.NoteAsync(sam, id, false, null, "More"))).Message, StringComparison.Ordinal);
        Assert.Empty((await list.HandleAsync(leah))!.Cases);
    }
}

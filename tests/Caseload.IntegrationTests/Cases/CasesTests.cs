using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Behaviour;
using Caseload.Core.Features.Cases;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.Letters;
using Caseload.Core.Features.OneToOnes;
using Caseload.Core.Features.ParentContacts;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Features.Risk;
using Caseload.Core.Features.TargetBank;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Cases;

/// <summary>The staged intervention procedure on both databases: the whole life of a case, and concurrent edits.</summary>
public sealed class CasesTests
{
    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }


    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_is_opened_escalated_to_the_senior_tutor_actioned_reviewed_and_closed_with_its_history_in_order(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var tutor = await ScopeAsync(context, "T001");
        var s1002 = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        var staff = await context.Staff.ToDictionaryAsync(s => s.ExternalId, s => s.Id);

        // Refusals save nothing: no summary, a stage that does not exist; a subject teacher cannot see the student at all.
        var before = await db.CountsAsync();
        Assert.Equal("write what the case is about", (await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(tutor, new OpenCase.Request(s1002, 1, CaseReason.Attendance, "  ")))).Message);
        Assert.Equal("there is no stage 9; expected one of 1, 2, 3, 4, 5", (await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(tutor, new OpenCase.Request(s1002, 9, CaseReason.Attendance, "x")))).Message);
        // A NUL (PostgreSQL cannot store one; SQLite would) is refused before the database, whichever door it came by.
        Assert.Equal("summary holds a control character (U+0000) at character 7; expected plain text",
            (await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(tutor, new OpenCase.Request(s1002, 1, CaseReason.Attendance, "Absent\0 on Mondays")))).Message);
        Assert.Null(await db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(await ScopeAsync(context, "T003"), new OpenCase.Request(s1002, 1, CaseReason.Attendance, "x")));
        Assert.Equal(before, await db.CountsAsync());

        // Opened at Stage 1: the tutor owns it; review in 14 days (23 Nov → 7 Dec).
        var opened = (await db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(tutor, new OpenCase.Request(s1002, 1, CaseReason.Attendance, "Absent every Monday since half term")))!;
        Assert.Equal((staff["T001"], new DateOnly(2026, 12, 7), 0), (opened.OwnerStaffId, opened.NextReview, opened.Version));

        Assert.True(await db.UseCase<AddCaseAction>(context, "staff:T001").HandleAsync(tutor, opened.Id, 0, "Phone home about Mondays", "tutor", new DateOnly(2026, 11, 25)));
        var action = await context.CaseActions.AsNoTracking().SingleAsync(a => a.CaseId == opened.Id);
        Assert.True(await db.UseCase<CompleteCaseAction>(context, "staff:T001").HandleAsync(tutor, action.Id, action.Version));
        db.Clock.Now = db.Clock.Now.AddDays(7);
        Assert.True(await db.UseCase<ReviewCase>(context, "staff:T001").HandleAsync(tutor, opened.Id, 2, "Two Mondays missed since."));
        // Stage 3 is still the tutor's (with the senior tutor and subject staff); Stage 4 passes it to the senior tutor of 12A's team, T002.
        Assert.True(await db.UseCase<MoveCase>(context, "staff:T001").HandleAsync(tutor, opened.Id, 3, 3, "No improvement after the call home"));
        Assert.True(await db.UseCase<MoveCase>(context, "staff:T001").HandleAsync(tutor, opened.Id, 4, 4, "Attendance now under 50%"));
        var atFour = (await db.UseCase<GetCase>(context, "staff:T001").HandleAsync(tutor, opened.Id))!;
        Assert.Equal((4, staff["T002"], "Stage 4", 5), (atFour.Case.Stage, atFour.Case.OwnerStaffId, atFour.StageName, atFour.Case.Version));
        // The senior tutor sees the case (their team's student) and closes it.
        var senior = await ScopeAsync(context, "T002");
        Assert.True(await db.UseCase<CloseCase>(context, "staff:T002").HandleAsync(senior, opened.Id, 5, "Attending since the meeting with parents"));

        var history = (await db.UseCase<GetCase>(context, "staff:T001").HandleAsync(tutor, opened.Id))!.History;
        Assert.Equal([CaseEventKind.Opened, CaseEventKind.ActionAdded, CaseEventKind.ActionDone, CaseEventKind.Reviewed, CaseEventKind.Escalated, CaseEventKind.Escalated, CaseEventKind.Closed],
            history.Select(e => e.Kind));
        Assert.Equal("Escalated from Stage 3 to Stage 4, now owned by Daniel Kowalski: Attendance now under 50%", history[5].Text);
        Assert.Equal("staff:T002", history[6].By);
        Assert.Equal(CaseStatus.Closed, (await context.InterventionCases.AsNoTracking().SingleAsync(c => c.Id == opened.Id)).Status);
        // Through the app's services (as pages use them) every change is audited too.
        await db.RunAsync(async services =>
        {
            var scoped = services.GetRequiredService<CaseloadDbContext>();
            services.GetRequiredService<AuditActor>().Name = "staff:T001";
            return await services.GetRequiredService<OpenCase>().HandleAsync(await ScopeAsync(scoped, "T001"), new OpenCase.Request(s1002, 1, CaseReason.Behaviour, "Audited"));
        });
        Assert.True(await context.AuditEvents.AnyAsync(a => a.Entity == nameof(InterventionCase) && a.Actor == "staff:T001" && a.Action == AuditAction.Create));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_save_is_refused_and_a_delete_is_soft_with_its_reason(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var first = db.NewContext();
        await using var second = db.NewContext();
        var s1001 = await first.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var created = (await db.UseCase<OpenCase>(first, "staff:T001").HandleAsync(await ScopeAsync(first, "T001"), new OpenCase.Request(s1001, 1, CaseReason.Progress, "Maths below target")))!;

        // Both read version 0; the first saves; the second's save is refused with who and when, and nothing of it is kept.
        Assert.True(await db.UseCase<EditCaseSummary>(first, "staff:T001").HandleAsync(await ScopeAsync(first, "T001"), created.Id, 0, "Maths two grades below target"));
        var refused = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            db.UseCase<EditCaseSummary>(second, "staff:T002").HandleAsync(ScopeAsync(second, "T002").Result, created.Id, 0, "Maths and Psychology below target"));
        Assert.Equal("staff:T001", refused.ChangedBy);
        Assert.StartsWith("This case was changed by staff:T001 at ", refused.Message);
        await using var check = db.NewContext();
        var stored = await check.InterventionCases.AsNoTracking().SingleAsync(c => c.Id == created.Id);
        Assert.Equal(("Maths two grades below target", 1), (stored.Summary, stored.Version));
        Assert.Contains("It was: Maths below target", (await check.CaseEvents.AsNoTracking().Where(e => e.CaseId == created.Id && e.Kind == CaseEventKind.Edited).SingleAsync()).Text);

        // A soft delete keeps the case, with who and why; it leaves every list.
        var tutor = await ScopeAsync(check, "T001");
        Assert.Equal("write why the case is deleted", (await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<DeleteCase>(check, "staff:T001").HandleAsync(tutor, created.Id, 1, ""))).Message);
        Assert.True(await db.UseCase<DeleteCase>(check, "staff:T001").HandleAsync(tutor, created.Id, 1, "Opened on the wrong student"));
        Assert.Empty(await db.UseCase<ListStudentCases>(check, "staff:T001").HandleAsync(tutor, s1001));
        Assert.Null(await db.UseCase<GetCase>(check, "staff:T001").HandleAsync(tutor, created.Id));
        var deleted = await check.InterventionCases.AsNoTracking().SingleAsync(c => c.Id == created.Id);
        Assert.Equal(("Opened on the wrong student", "staff:T001"), (deleted.DeletedReason, deleted.DeletedBy));
    }

    /// <summary>
    /// A case or referral moves the student's early-warning score at once when the institution weighs casework (8 points
    /// here: a quarter per stage, a quarter per open referral, 1 at most), and changes nothing with the default weights (0).
    /// A safeguarding concern never counts: tutors see the score and its reasons.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_casework_weighed_each_case_and_referral_change_rescores_the_student_at_once_and_a_safeguarding_concern_never_does(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var tutor = await ScopeAsync(context, "T001");
        var s1002 = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        var weights = new SetRiskWeights(context, db.Clock, new AuditActor { Name = "staff:T006" });
        await weights.RecomputeAsync(institution);
        async Task<(int Score, string? Casework)> Summary()
        {
            var s = await context.StudentSummaries.AsNoTracking().SingleAsync(x => x.StudentId == s1002);
            Assert.Equal(db.Clock.Today(), s.AsOf);
            return (s.RiskScore, s.RiskReasons.Split('\n').SingleOrDefault(r => r.Contains("intervention case") || r.Contains("open referral")));
        }
        async Task<int> Version(long caseId) => await context.InterventionCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync();
        var (score, none) = await Summary();
        Assert.Null(none);

        // Default weights: a case changes nothing.
        var first = (await db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(tutor, new OpenCase.Request(s1002, 1, CaseReason.Attendance, "Absent on Mondays")))!;
        Assert.Equal((score, null), await Summary());

        // Weighed at 8: stage 1 is a quarter (2 points), stage 4 the whole 8; a referral on top cannot pass 8.
        await weights.HandleAsync(institution, "casework=8");
        Assert.Equal((score + 2, "intervention case at stage 1"), await Summary());
        Assert.True(await db.UseCase<MoveCase>(context, "staff:T001").HandleAsync(tutor, first.Id, await Version(first.Id), 4, "No improvement"));
        Assert.Equal((score + 8, "intervention case at stage 4"), await Summary());
        var concern = (await db.UseCase<RaiseReferral>(context, "staff:T001").HandleAsync(tutor, new RaiseReferral.Request(s1002, ReferralCategory.Concern, Urgency.Routine, "Falling behind in every subject")))!;
        Assert.Equal((score + 8, "intervention case at stage 4; 1 open referral"), await Summary());
        Assert.True(await db.UseCase<CloseCase>(context, "staff:T002").HandleAsync(await ScopeAsync(context, "T002"), first.Id, await Version(first.Id), "Attending again"));
        Assert.Equal((score + 2, "1 open referral"), await Summary());

        // A safeguarding concern is not casework the score may show.
        Assert.NotNull(await db.UseCase<RaiseReferral>(context, "staff:T001").HandleAsync(tutor, new RaiseReferral.Request(s1002, ReferralCategory.Safeguarding, Urgency.Urgent, "Disclosed something at break")));
        Assert.Equal((score + 2, "1 open referral"), await Summary());

        Assert.True(await db.UseCase<CloseReferral>(context, "staff:T001").HandleAsync(tutor, concern.Id, concern.Version, "Spoke with every subject teacher"));
        Assert.Equal((score, null), await Summary());
        var second = (await db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(tutor, new OpenCase.Request(s1002, 2, CaseReason.Progress, "Below target in two subjects")))!;
        Assert.Equal((score + 4, "intervention case at stage 2"), await Summary());
        Assert.True(await db.UseCase<DeleteCase>(context, "staff:T001").HandleAsync(tutor, second.Id, await Version(second.Id), "Opened on the wrong student"));
        Assert.Equal((score, null), await Summary());
    }

    /// <summary>
    /// The property: in each round several writers, each with its own connection, read the same version and try to save
    /// a different summary at once. Exactly one wins every round, the others are refused, and at the end the case's
    /// version equals the number of rounds and its history holds exactly one edit per round — the winners' — none lost.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_writers_exactly_one_wins_each_round_and_nothing_is_lost(string provider)
    {
        const int rounds = 12, writers = 4;
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        long caseId;
        int s1003;
        await using (var context = db.NewContext())
        {
            s1003 = await context.Students.Where(s => s.ExternalId == "S1003").Select(s => s.Id).SingleAsync();
            caseId = (await db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(await ScopeAsync(context, "T001"), new OpenCase.Request(s1003, 2, CaseReason.Wellbeing, "round 0")))!.Id;
        }
        var random = new Random(42);
        var winners = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            int version;
            await using (var read = db.NewContext())
            {
                version = await read.InterventionCases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync();
            }
            Assert.Equal(round, version);
            using var start = new Barrier(writers);
            var attempts = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                await using var context = db.NewContext();
                var scope = await ScopeAsync(context, w % 2 == 0 ? "T001" : "T002");
                var text = $"round {round + 1} by writer {w}";
                await Task.Delay(random.Next(3));
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                try
                {
                    return await db.UseCase<EditCaseSummary>(context, $"writer:{w}").HandleAsync(scope, caseId, version, text) ? text : null;
                }
                catch (ConcurrencyException)
                {
                    return null;
                }
            })).ToArray();
            var results = await Task.WhenAll(attempts);
            var won = Assert.Single(results.OfType<string>());
            winners.Add(won);
        }
        await using var check = db.NewContext();
        var final = await check.InterventionCases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        Assert.Equal((rounds, winners[^1]), (final.Version, final.Summary));
        var edits = await check.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.Edited).OrderBy(e => e.Id).Select(e => e.Text).ToListAsync();
        // Each edit keeps the summary it replaced: round 0, then each round's winner, in order.
        Assert.Equal(["Summary changed. It was: round 0", .. winners[..^1].Select(w => $"Summary changed. It was: {w}")], edits);
    }
}

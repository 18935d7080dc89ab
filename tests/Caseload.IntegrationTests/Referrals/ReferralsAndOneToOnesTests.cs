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
using Caseload.Core.Features.TargetBank;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Referrals;

/// <summary>Referrals (routing, the restricted safeguarding route, response times), the 1:1 programme with its action
/// plan, and contact home under the 48-hour rule, on both databases.</summary>
public sealed class ReferralsAndOneToOnesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    private static async Task<(TestDatabase Db, int Institution)> SamplesAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await db.ImportTextAsync(institution, "staff", "staff_id,first_name,last_name,email,roles\nT007,Lee,Park,lee.park@school.example,wellbeing\n");
        await using var context = db.NewContext();
        var leader = await context.Staff.Where(s => s.ExternalId == "T004").Select(s => s.Id).SingleAsync();
        await context.YearGroups.Where(y => y.InstitutionId == institution).ExecuteUpdateAsync(u => u.SetProperty(y => y.ProgressLeaderStaffId, leader));
        return (db, institution);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_teachers_concern_goes_to_the_tutor_and_a_safeguarding_concern_only_to_the_safeguarding_team(string provider)
    {
        var (db, _) = await SamplesAsync(provider);
        await using var _db = db;
        await using var context = db.NewContext();
        var teacher = await ScopeAsync(context, "T003"); // teaches S1001 Mathematics; no pastoral record
        var s1001 = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var s1004 = await context.Students.Where(s => s.ExternalId == "S1004").Select(s => s.Id).SingleAsync();
        var staff = await context.Staff.ToDictionaryAsync(s => s.ExternalId, s => s.Id);

        // Refused: no words; a student the teacher does not teach is not found. Nothing written.
        var before = await db.CountsAsync();
        Assert.Equal("write what happened", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<RaiseReferral>(context, "staff:T003").HandleAsync(teacher, new RaiseReferral.Request(s1001, ReferralCategory.Concern, Urgency.Routine, " ")))).Message);
        Assert.Null(await db.UseCase<RaiseReferral>(context, "staff:T003").HandleAsync(teacher, new RaiseReferral.Request(s1004, ReferralCategory.Concern, Urgency.Routine, "x")));
        Assert.Equal(before, await db.CountsAsync());

        // A concern goes to S1001's tutor (12A: T001); a wellbeing referral to the wellbeing team.
        var concern = (await db.UseCase<RaiseReferral>(context, "staff:T003").HandleAsync(teacher, new RaiseReferral.Request(s1001, ReferralCategory.Concern, Urgency.Soon, "Asleep in two lessons")))!;
        Assert.Equal((staff["T001"], (string?)null), (concern.ToStaffId, concern.ToRole));
        var wellbeing = (await db.UseCase<RaiseReferral>(context, "staff:T003").HandleAsync(teacher, new RaiseReferral.Request(s1001, ReferralCategory.Counsellor, Urgency.Routine, "Asked to talk to someone")))!;
        Assert.Equal(((int?)null, Roles.Wellbeing), (wellbeing.ToStaffId, wellbeing.ToRole));
        var safeguarding = (await db.UseCase<RaiseReferral>(context, "staff:T003").HandleAsync(teacher, new RaiseReferral.Request(s1001, ReferralCategory.Safeguarding, Urgency.Urgent, "Disclosed a worry about home")))!;
        Assert.True(safeguarding.Restricted);

        // Who reads what.
        var tutor = await ScopeAsync(context, "T001");
        var leader = await ScopeAsync(context, "T004");
        var dsl = await ScopeAsync(context, "T005");
        var admin = await ScopeAsync(context, "T006");
        var wellbeingTeam = await ScopeAsync(context, "T007");
        Assert.Equal([concern.Id], (await db.UseCase<ReferralAccess>(context).Received(tutor).Select(r => r.Id).ToListAsync()));
        Assert.Equal([wellbeing.Id], (await db.UseCase<ReferralAccess>(context).Received(wellbeingTeam).Select(r => r.Id).ToListAsync()));
        Assert.Equal([safeguarding.Id], (await db.UseCase<ReferralAccess>(context).Received(dsl).Select(r => r.Id).ToListAsync()));
        foreach (var scope in new[] { tutor, leader, admin, wellbeingTeam })
        {
            Assert.Null(await db.UseCase<GetReferral>(context, "staff:T003").HandleAsync(scope, safeguarding.Id)); // not even its existence
            Assert.DoesNotContain(safeguarding.Id, (await db.UseCase<ReferralAccess>(context, "staff:T003").ForStudentAsync(scope, s1001, await scope.ViewOfAsync(context, s1001))).Select(r => r.Id));
        }
        var forTutor = (await db.UseCase<GetReferral>(context, "staff:T003").HandleAsync(tutor, concern.Id))!;
        Assert.Equal((ReferralAccess.Level.Full, true, "Asleep in two lessons"), (forTutor.Access, forTutor.CanAct, forTutor.Referral.What));
        var forLeader = (await db.UseCase<GetReferral>(context, "staff:T003").HandleAsync(leader, concern.Id))!; // sees the student's pastoral record: reads it, may act for the tutor
        Assert.Equal((ReferralAccess.Level.Full, true), (forLeader.Access, forLeader.CanAct));
        Assert.False((await db.UseCase<GetReferral>(context, "staff:T003").HandleAsync(tutor, wellbeing.Id))!.CanAct); // the tutor reads the team's referral but does not answer it
        Assert.Null(await db.UseCase<GetReferral>(context, "staff:T003").HandleAsync(wellbeingTeam, concern.Id)); // the team sees only what was sent to it
        var receipt = (await db.UseCase<GetReferral>(context, "staff:T003").HandleAsync(teacher, safeguarding.Id))!;
        Assert.Equal((ReferralAccess.Level.Receipt, "", false), (receipt.Access, receipt.Referral.What, receipt.CanAct));
        Assert.Equal("Asleep in two lessons", (await db.UseCase<GetReferral>(context, "staff:T003").HandleAsync(teacher, concern.Id))!.Referral.What); // their own unrestricted words

        // The safeguarding lead's read is audited; the words never reach the audit log.
        var readsBefore = await context.AuditEvents.CountAsync(a => a.Action == AuditAction.Read && a.Entity == "Referral");
        var full = (await db.UseCase<GetReferral>(context, "staff:T003").HandleAsync(dsl, safeguarding.Id))!;
        Assert.Equal(("Disclosed a worry about home", true), (full.Referral.What, full.CanAct));
        Assert.Equal(readsBefore + 1, await context.AuditEvents.CountAsync(a => a.Action == AuditAction.Read && a.Entity == "Referral"));
        // Through the application's services (which audit every change): a concern's words are in the audit log, a
        // safeguarding concern's are not — neither what was written nor what was done.
        var (audited, open) = await db.RunAsync(async services =>
        {
            services.GetRequiredService<AuditActor>().Name = "staff:T003";
            var ctx = services.GetRequiredService<CaseloadDbContext>();
            var restricted = (await services.GetRequiredService<RaiseReferral>().HandleAsync(await ScopeAsync(ctx, "T003"), new RaiseReferral.Request(s1001, ReferralCategory.Safeguarding, Urgency.Urgent, "Bruise on the arm")))!;
            var unrestricted = (await services.GetRequiredService<RaiseReferral>().HandleAsync(await ScopeAsync(ctx, "T003"), new RaiseReferral.Request(s1001, ReferralCategory.Careers, Urgency.Routine, "Wants an apprenticeship")))!;
            Assert.True(await services.GetRequiredService<ActOnReferral>().HandleAsync(await ScopeAsync(ctx, "T005"), restricted.Id, 0, "Strategy meeting booked"));
            return (restricted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), unrestricted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        var trail = await context.AuditEvents.Where(a => a.Entity == "Referral" && a.EntityId == audited && a.Action != AuditAction.Read).Select(a => a.Changes ?? "").ToListAsync();
        Assert.Equal(2, trail.Count); // created, then acted on
        Assert.All(trail, c => Assert.Contains("(restricted)", c, StringComparison.Ordinal));
        Assert.DoesNotContain(trail, c => c.Contains("Bruise", StringComparison.Ordinal) || c.Contains("Strategy", StringComparison.Ordinal));
        Assert.Contains("Wants an apprenticeship", await context.AuditEvents.Where(a => a.Entity == "Referral" && a.EntityId == open).Select(a => a.Changes ?? "").SingleAsync(), StringComparison.Ordinal);

        // Acknowledged two hours later, acted on after three: response times. A stale form is refused; others cannot act.
        db.Clock.Now = db.Clock.Now.AddHours(2);
        Assert.True(await db.UseCase<AcknowledgeReferral>(context, "staff:T005").HandleAsync(dsl, safeguarding.Id, 0));
        await Assert.ThrowsAsync<ConcurrencyException>(() => db.UseCase<ActOnReferral>(context, "staff:T005").HandleAsync(dsl, safeguarding.Id, 0, "Called children's services"));
        Assert.False(await db.UseCase<ActOnReferral>(context, "staff:T003").HandleAsync(admin, safeguarding.Id, 1, "x"));
        db.Clock.Now = db.Clock.Now.AddHours(1);
        Assert.True(await db.UseCase<ActOnReferral>(context, "staff:T005").HandleAsync(dsl, safeguarding.Id, 1, "Called children's services"));
        var acted = (await db.UseCase<GetReferral>(context, "staff:T005").HandleAsync(dsl, safeguarding.Id))!;
        Assert.Equal((ReferralStatus.ActedOn, TimeSpan.FromHours(2), TimeSpan.FromHours(3)), (acted.Referral.Status, acted.ToAcknowledge, acted.ToAct));
        // The referrer sees that it was acted on, and when, but not what was done.
        var seen = (await db.UseCase<GetReferral>(context, "staff:T003").HandleAsync(teacher, safeguarding.Id))!;
        Assert.Equal((ReferralStatus.ActedOn, (string?)null), (seen.Referral.Status, seen.Referral.ActionTaken));

        // The tutor's inbox: one new referral; once acknowledged it is "dealing with".
        var inbox = db.UseCase<GetInbox>(context);
        Assert.Equal([concern.Id], (await inbox.HandleAsync(tutor, Today)).Items.Where(i => i.Kind == GetInbox.Kind.ReferralNew).Select(i => long.Parse(i.Link.Split('/')[^1])));
        Assert.True(await db.UseCase<AcknowledgeReferral>(context, "staff:T003").HandleAsync(tutor, concern.Id, 0));
        Assert.Single((await inbox.HandleAsync(tutor, Today)).Items, i => i.Kind == GetInbox.Kind.ReferralOpen);
        Assert.DoesNotContain((await inbox.HandleAsync(admin, Today)).Items, i => i.Kind is GetInbox.Kind.ReferralNew or GetInbox.Kind.ReferralOpen);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_one_to_one_reviews_the_action_plan_sets_new_targets_and_moves_the_schedule(string provider)
    {
        var (db, _) = await SamplesAsync(provider);
        await using var _db = db;
        await using var context = db.NewContext();
        var tutor = await ScopeAsync(context, "T001");
        var s1002 = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();

        // Not seen yet, and prioritised by the rules (early-warning score 40 or more): due 15 Sep (1 Sep + 2 weeks), overdue
        // on 23 Nov and in the tutor's inbox. S1001 (lower score) was due 13 Oct (1 Sep + 6 weeks).
        var schedule = await db.UseCase<GetOneToOneSchedule>(context, "staff:T002").HandleAsync(tutor, Today);
        var due = schedule.Single(d => d.StudentId == s1002);
        Assert.True(due.RiskScore >= 40);
        Assert.Equal((new DateOnly(2026, 9, 15), Core.Rules.OneToOneSchedule.State.Overdue, true, false), (due.NextDue, due.State, due.Prioritised, due.PrioritisedByTutor));
        var s1001 = schedule.Single(d => d.Student == "Amira Hassan");
        Assert.Equal((new DateOnly(2026, 10, 13), false), (s1001.NextDue, s1001.Prioritised));
        var inbox = db.UseCase<GetInbox>(context);
        var items = (await inbox.HandleAsync(tutor, Today)).Items;
        Assert.Contains(items, i => i.Kind == GetInbox.Kind.OneToOneOverdue && i.StudentId == s1002);
        // The rules suggest a case for S1002 (high score, no case yet), and stop once one is open; nothing is opened for them.
        Assert.Contains(items, i => i.Kind == GetInbox.Kind.SuggestedCase && i.StudentId == s1002 && i.Text == $"Consider opening a case: early-warning score {due.RiskScore}");
        Assert.Equal(0, await context.InterventionCases.CountAsync());
        Assert.NotNull(await db.UseCase<OpenCase>(context).HandleAsync(tutor, new OpenCase.Request(s1002, 1, CaseReason.Attendance, "Mondays")));
        Assert.DoesNotContain((await inbox.HandleAsync(tutor, Today)).Items, i => i.Kind == GetInbox.Kind.SuggestedCase && i.StudentId == s1002);

        // Refusals write nothing: no notes; a target without a date; a meeting in the future.
        var before = await db.CountsAsync();
        List<RecordOneToOne.NewTarget> Target(string text, DateOnly? by) => [new RecordOneToOne.NewTarget(text, TargetOwner.Student, null, by)];
        Assert.Equal("write notes of the meeting", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<RecordOneToOne>(context, "staff:T002").HandleAsync(tutor, new RecordOneToOne.Request(s1002, new DateOnly(2026, 11, 9), "", null, [], [])))).Message);
        Assert.Equal("new target 1 (\"Hand in homework\") needs a due date", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<RecordOneToOne>(context, "staff:T002").HandleAsync(tutor, new RecordOneToOne.Request(s1002, new DateOnly(2026, 11, 9), "Talked", null, [], Target("Hand in homework", null))))).Message);
        await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<RecordOneToOne>(context, "staff:T002").HandleAsync(tutor, new RecordOneToOne.Request(s1002, new DateOnly(2026, 11, 24), "Talked", null, [], [])));
        Assert.Null(await db.UseCase<RecordOneToOne>(context, "staff:T002").HandleAsync(await ScopeAsync(context, "T003"), new RecordOneToOne.Request(s1002, new DateOnly(2026, 11, 9), "Talked", null, [], [])));
        Assert.Equal(before, await db.CountsAsync());

        // First meeting 9 Nov with two targets (both added to the bank): next due 23 Nov (9 Nov + 2 weeks), today.
        var first = (await db.UseCase<RecordOneToOne>(context, "staff:T002").HandleAsync(tutor, new RecordOneToOne.Request(s1002, new DateOnly(2026, 11, 9), "Mondays are the problem.", "Buses are late.",
            [], [new RecordOneToOne.NewTarget("Be in by 8.50 every Monday", TargetOwner.Student, null, new DateOnly(2026, 11, 20)),
                 new RecordOneToOne.NewTarget("Ask about a bus pass", TargetOwner.Other, "Student services", new DateOnly(2026, 11, 16)), new RecordOneToOne.NewTarget("  ", TargetOwner.Student, null, null)],
            AddTargetsToBank: true)))!.Value;
        var plan = (await db.UseCase<GetActionPlan>(context, "staff:T002").HandleAsync(tutor, s1002))!;
        Assert.Equal(["Ask about a bus pass", "Be in by 8.50 every Monday"], plan.Open.Select(t => t.Text));
        Assert.Equal(2, (await BankTargets.ForAsync(context, tutor.Viewer.InstitutionId)).Count);
        var after = (await db.UseCase<GetOneToOneSchedule>(context, "staff:T002").HandleAsync(tutor, Today)).Single(d => d.StudentId == s1002);
        Assert.Equal((new DateOnly(2026, 11, 23), Core.Rules.OneToOneSchedule.State.DueThisWeek), (after.NextDue, after.State));
        Assert.DoesNotContain((await inbox.HandleAsync(tutor, Today)).Items, i => i.Kind == GetInbox.Kind.OneToOneOverdue && i.StudentId == s1002);

        // The tutor prioritises S1001: every two weeks from 1 Sep, so due 15 Sep.
        var s1001Id = s1001.StudentId;
        Assert.True(await db.UseCase<PrioritiseStudent>(context, "staff:T002").HandleAsync(tutor, s1001Id, true));
        var prioritised = (await db.UseCase<GetOneToOneSchedule>(context, "staff:T002").HandleAsync(tutor, Today)).Single(d => d.StudentId == s1001Id);
        Assert.Equal((new DateOnly(2026, 9, 15), true, true), (prioritised.NextDue, prioritised.Prioritised, prioritised.PrioritisedByTutor));

        // Someone changes a target between the form opening and the save: the whole meeting is refused, nothing written.
        var bus = plan.Open.Single(t => t.Text.StartsWith("Ask", StringComparison.Ordinal));
        var monday = plan.Open.Single(t => t.Text.StartsWith("Be in", StringComparison.Ordinal));
        await using (var other = db.NewContext())
        {
            Assert.True(await db.UseCase<SetTargetStatus>(other, "staff:T002").HandleAsync(await ScopeAsync(other, "T002"), bus.Id, bus.Version, PlanTargetStatus.Achieved));
        }
        before = await db.CountsAsync();
        var second = new RecordOneToOne.Request(s1002, Today, "Better.", null,
            [new RecordOneToOne.Review(bus.Id, bus.Version, PlanTargetStatus.Achieved, null), new RecordOneToOne.Review(monday.Id, monday.Version, PlanTargetStatus.PartlyAchieved, "Three of four")],
            Target("Be in by 8.50 every day", new DateOnly(2026, 12, 4)));
        await Assert.ThrowsAsync<ConcurrencyException>(() => db.UseCase<RecordOneToOne>(db.NewContext()).HandleAsync(tutor, second));
        Assert.Equal(before, await db.CountsAsync());

        // Against the latest versions it saves: the Monday target reviewed in this meeting, a new one carried forward.
        await using var fresh = db.NewContext();
        var latest = (await db.UseCase<GetActionPlan>(fresh).HandleAsync(tutor, s1002))!;
        Assert.Equal(["Be in by 8.50 every Monday"], latest.Open.Select(t => t.Text));
        var meeting = (await db.UseCase<RecordOneToOne>(fresh, "staff:T001").HandleAsync(tutor, second with
        {
            Reviews = [new RecordOneToOne.Review(monday.Id, latest.Open[0].Version, PlanTargetStatus.PartlyAchieved, "Three of four")],
        }))!.Value;
        var view = (await db.UseCase<GetOneToOne>(fresh).HandleAsync(tutor, meeting))!;
        Assert.Equal(("Be in by 8.50 every Monday", PlanTargetStatus.PartlyAchieved, "Three of four"), (view.Reviewed.Single().Text, view.Reviewed.Single().Status, view.Reviewed.Single().ReviewNote));
        Assert.Equal(["Be in by 8.50 every day"], view.Set.Select(t => t.Text));
        Assert.NotEqual(first, meeting);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Parents_are_contacted_within_48_hours_of_a_serious_incident_or_it_is_in_the_tutors_inbox(string provider)
    {
        var (db, institution) = await SamplesAsync(provider);
        await using var _db = db;
        var result = await db.ImportTextAsync(institution, "behaviour", "student_id,date,type,category,points,description,staff_id\n"
            + "S1002,2026-11-19,negative,Bullying,-1,Unkind messages,T003\nS1002,2026-11-22,negative,Defiance,-3,Refused,T003\nS1002,2026-11-22,negative,Disruption,-2,Talking,T003\n");
        Assert.True(result.Succeeded);
        await using var context = db.NewContext();
        var tutor = await ScopeAsync(context, "T001");
        var s1002 = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        int[] students = [s1002];

        // Bullying on 19 Nov: deadline 21 Nov, missed by 23 Nov. Defiance on 22 Nov: due by 24 Nov. Disruption (−2) is not serious.
        var incidents = await db.UseCase<GetFortyEightHours>(context).HandleAsync(students, new DateOnly(2026, 11, 1), Today);
        Assert.Equal([("Defiance", Core.Rules.ParentContactRule.State.Due), ("Bullying", Core.Rules.ParentContactRule.State.Missed)],
            incidents.Select(i => (i.Category, i.State)));
        var inbox = db.UseCase<GetInbox>(context);
        var items = (await inbox.HandleAsync(tutor, Today)).Items;
        Assert.Single(items, i => i.Kind == GetInbox.Kind.ParentContactMissed && i.StudentId == s1002);
        Assert.Single(items, i => i.Kind == GetInbox.Kind.ParentContactDue && i.StudentId == s1002);

        // A call today: the Defiance contact is on time, the Bullying one late; nothing left in the inbox.
        Assert.Equal("the contact's date 24 Nov 2026 is in the future; log a contact once it has been made", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<LogParentContact>(context).HandleAsync(tutor, new LogParentContact.Request(s1002, ContactMethod.Call, false, "Ms Nowak (mother)", new DateOnly(2026, 11, 24), "x", null)))).Message);
        Assert.NotNull(await db.UseCase<LogParentContact>(context).HandleAsync(tutor, new LogParentContact.Request(s1002, ContactMethod.Call, false, "Ms Nowak (mother)", Today, "Talked about both incidents", "Supportive")));
        incidents = await db.UseCase<GetFortyEightHours>(context).HandleAsync(students, new DateOnly(2026, 11, 1), Today);
        Assert.Equal([Core.Rules.ParentContactRule.State.OnTime, Core.Rules.ParentContactRule.State.Late], incidents.Select(i => i.State));
        Assert.DoesNotContain((await inbox.HandleAsync(tutor, Today)).Items, i => i.Kind is GetInbox.Kind.ParentContactDue or GetInbox.Kind.ParentContactMissed);
        Assert.Single(await db.UseCase<ListParentContacts>(context).HandleAsync(tutor, s1002));
        Assert.Empty(await db.UseCase<ListParentContacts>(context).HandleAsync(await ScopeAsync(context, "T003"), s1002)); // a subject teacher has no pastoral record
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_e_mail_on_the_receiver_is_told_with_a_link_and_no_personal_details(string provider)
    {
        var (db, _) = await SamplesAsync(provider);
        await using var _db = db;
        await using var context = db.NewContext();
        var folder = Directory.CreateTempSubdirectory("caseload-mail-").FullName;
        try
        {
            var notifier = new Core.Features.Notifications.Notifier(context, new Core.Features.Notifications.EmailOptions { Mode = "FileDrop", DropFolder = folder, BaseUrl = "https://caseload.example" },
                db.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Features.Notifications.Notifier>.Instance);
            var s1002 = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
            var referral = (await db.UseCase<RaiseReferral>(context, "staff:T003", notifier).HandleAsync(await ScopeAsync(context, "T003"), new RaiseReferral.Request(s1002, ReferralCategory.Concern, Urgency.Urgent, "Ollie said he is hungry every morning")))!;
            var mail = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder)));
            Assert.Contains("To: grace.okafor@school.example", mail, StringComparison.Ordinal); // T001, the tutor
            Assert.Contains("Subject: Urgent: a new referral in Caseload", mail, StringComparison.Ordinal);
            Assert.Contains($"https://caseload.example/referrals/{referral.Id}", mail, StringComparison.Ordinal);
            Assert.DoesNotContain("Ollie", mail, StringComparison.Ordinal);
            Assert.DoesNotContain("hungry", mail, StringComparison.Ordinal);

            // A case moved to Stage 4 passes to the senior tutor (T002), who is told; moving within the tutor's own stages tells nobody.
            var tutor = await ScopeAsync(context, "T001");
            var opened = (await db.UseCase<OpenCase>(context, "staff:T001", notifier).HandleAsync(tutor, new OpenCase.Request(s1002, 1, CaseReason.Wellbeing, "Hungry in the mornings")))!;
            Assert.True(await db.UseCase<MoveCase>(context, "staff:T001", notifier).HandleAsync(tutor, opened.Id, 0, 2, "No breakfast club place yet"));
            Assert.Single(Directory.GetFiles(folder));
            Assert.True(await db.UseCase<MoveCase>(context, "staff:T001", notifier).HandleAsync(tutor, opened.Id, 1, 4, "Needs the senior tutor"));
            var handed = Directory.GetFiles(folder).Select(File.ReadAllText).Single(m => m.Contains("handed to you", StringComparison.Ordinal));
            Assert.Contains("To: daniel.kowalski@school.example", handed, StringComparison.Ordinal);
            Assert.Contains($"/cases/{opened.Id}", handed, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_standard_letter_is_filled_in_for_a_parent_logged_as_sent_and_its_template_refuses_unknown_placeholders(string provider)
    {
        var (db, _) = await SamplesAsync(provider);
        await using var _db = db;
        await using var context = db.NewContext();
        var s1002 = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        context.StudentContacts.Add(new StudentContact { StudentId = s1002, Name = "Anna Nowak", Relationship = "Mother", Priority = 1 });
        await context.SaveChangesAsync();
        var attended = await context.StudentSummaries.Where(x => x.StudentId == s1002).Select(x => new { x.YearPossible, Attended = x.YearPresent + x.YearApproved }).SingleAsync();
        var tutor = await ScopeAsync(context, "T001");
        var actor = new AuditActor { Name = "staff:T001" };

        var letter = (await db.UseCase<RenderLetter>(context, actor.Name).HandleAsync(tutor, s1002, "attendance", 0))!;
        Assert.StartsWith("23 November 2026\n\nDear Anna Nowak,", letter.Text, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Ollie's attendance: it is {100m * attended.Attended / attended.YearPossible:0.0}% this year"), letter.Text, StringComparison.Ordinal);
        Assert.Contains("Grace Okafor\nTutor, 12A", letter.Text, StringComparison.Ordinal);
        Assert.Null(await db.UseCase<RenderLetter>(context, actor.Name).HandleAsync(await ScopeAsync(context, "T003"), s1002, "attendance", 0)); // a subject teacher has no pastoral record

        // Logged as sent: a letter in the contact log, with its text.
        var logged = (await db.UseCase<LogLetterSent>(context, actor.Name).HandleAsync(tutor, s1002, "attendance", 0))!;
        Assert.Equal((ContactMethod.Letter, "Anna Nowak"), (logged.Method, logged.With));
        Assert.StartsWith("Letter sent: Attendance concern.", logged.Summary, StringComparison.Ordinal);

        // Templates: administrators only; an unknown placeholder is refused with where it is; a stale editor is refused.
        var admin = (await ScopeAsync(context, "T006")).Viewer;
        await Assert.ThrowsAsync<NotFoundException>(() => db.UseCase<SaveLetterTemplate>(context, actor.Name).HandleAsync(tutor.Viewer, "uniform", "Uniform", "Hi", 0)); // nobody else has them
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<SaveLetterTemplate>(context, actor.Name).HandleAsync(admin, "uniform", "Uniform", "Dear {{parent_name}},\nYour child {{first_name}} ...", 0));
        Assert.StartsWith("line 2, column 12: unknown placeholder {{first_name}}; expected one of {{student_name}}, {{student_first_name}}", unknown.Message, StringComparison.Ordinal);
        await db.UseCase<SaveLetterTemplate>(context, actor.Name).HandleAsync(admin, "uniform", "Uniform reminder", "Dear {{parent_name}}, please check {{student_first_name}}'s uniform.", 0);
        Assert.Equal("Dear Anna Nowak, please check Ollie's uniform.", (await db.UseCase<RenderLetter>(context, actor.Name).HandleAsync(tutor, s1002, "uniform", 0))!.Text);
        await db.UseCase<SaveLetterTemplate>(context, actor.Name).HandleAsync(admin, "uniform", "Uniform reminder", "Dear {{parent_name}}.", 1); // the first save made version 1
        await Assert.ThrowsAsync<ConcurrencyException>(() => db.UseCase<SaveLetterTemplate>(db.NewContext(), actor.Name).HandleAsync(admin, "uniform", "Old", "Old", 0));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Corrections_keep_the_previous_text_in_the_audit_log_a_stale_one_is_refused_and_deletions_are_soft(string provider)
    {
        var (db, _) = await SamplesAsync(provider);
        await using var _db = db;
        await using var context = db.NewContext();
        var s1002 = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        var (meeting, contact) = await db.RunAsync(async services =>
        {
            services.GetRequiredService<AuditActor>().Name = "staff:T001";
            var ctx = services.GetRequiredService<CaseloadDbContext>();
            var tutor = await ScopeAsync(ctx, "T001");
            var m = (await services.GetRequiredService<RecordOneToOne>().HandleAsync(tutor, new RecordOneToOne.Request(s1002, Today, "Talked about Mondys.", null, [], [])))!.Value;
            var c = (await services.GetRequiredService<LogParentContact>().HandleAsync(tutor, new LogParentContact.Request(s1002, ContactMethod.Call, false, "Mother", Today, "Left a mesage", null)))!;
            Assert.True(await services.GetRequiredService<CorrectOneToOne>().HandleAsync(tutor, m, 0, "Talked about Mondays.", "Buses"));
            Assert.True(await services.GetRequiredService<CorrectParentContact>().HandleAsync(tutor, c.Id, 0, "Left a message", "Will call back"));
            return (m, c.Id);
        });
        var trail = await context.AuditEvents.Where(a => a.Entity == "OneToOneMeeting" && a.Action == AuditAction.Update).Select(a => a.Changes ?? "").SingleAsync();
        Assert.Contains("Talked about Mondys.", trail, StringComparison.Ordinal); // the text it replaced
        Assert.Contains("Talked about Mondays.", trail, StringComparison.Ordinal);

        var tutorScope = await ScopeAsync(context, "T001");
        // Refused, saying who saved it last and when (the record keeps both), not "someone else, now".
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => db.UseCase<CorrectOneToOne>(context, "staff:T002").HandleAsync(tutorScope, meeting, 0, "From an old page", null));
        Assert.Equal("This 1:1 record was changed by staff:T001 at 08:30 on 23 Nov after you opened it, so your change was not saved; the latest version is shown: make your change again if it is still needed", stale.Message);
        Assert.Equal("Talked about Mondays.", (await db.UseCase<GetOneToOne>(context, "staff:T002").HandleAsync(tutorScope, meeting))!.Meeting.Notes);
        Assert.Equal("write why the meeting is deleted", (await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<DeleteOneToOne>(context, "staff:T002").HandleAsync(tutorScope, meeting, 1, " "))).Message);
        Assert.True(await db.UseCase<DeleteOneToOne>(context, "staff:T002").HandleAsync(tutorScope, meeting, 1, "Recorded on the wrong student"));
        Assert.Null(await db.UseCase<GetOneToOne>(context, "staff:T002").HandleAsync(tutorScope, meeting));
        Assert.Empty((await db.UseCase<GetActionPlan>(context, "staff:T002").HandleAsync(tutorScope, s1002))!.Meetings);
        var kept = await context.OneToOneMeetings.AsNoTracking().SingleAsync(m => m.Id == meeting);
        Assert.Equal(("Recorded on the wrong student", "staff:T002"), (kept.DeletedReason, kept.DeletedBy));

        Assert.True(await db.UseCase<DeleteParentContact>(context).HandleAsync(tutorScope, contact, 1, "Duplicate"));
        Assert.Empty(await db.UseCase<ListParentContacts>(context).HandleAsync(tutorScope, s1002));
    }
}

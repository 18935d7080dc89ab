using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.SupportPlans;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.SupportPlans;

/// <summary>
/// Support plans (decision 0016) with hand-worked dates from the test clock's Monday, 23 November 2026: a PSP's reviews
/// at weeks 8 and 16, an EHCP annual review's statutory steps around the meeting, a reduced timetable's fortnightly
/// reviews; versions, concurrency, who reads and who only sees the strategies.
/// </summary>
public sealed class SupportPlanTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!, Monday);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pastoral_support_plan_runs_sixteen_weeks_with_a_review_at_eight_its_content_keeps_versions_and_teachers_see_only_the_strategies(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var grace = await ScopeAsync(context, "T001"); // Amira's tutor
        var start = db.UseCase<StartSupportPlan>(context, "staff:T001");

        // Refused, nothing written: no kind; a start more than a year ago; a subject teacher (academic view only).
        var before = await db.CountsAsync();
        Assert.Equal("choose the kind of plan", (await Assert.ThrowsAsync<ValidationException>(() => start.HandleAsync(grace, new(amira, null, Monday)))).Message);
        Assert.StartsWith("the start date (21 November 2025) is more than a year ago",
            (await Assert.ThrowsAsync<ValidationException>(() => start.HandleAsync(grace, new(amira, SupportPlanKind.PastoralSupport, new DateOnly(2025, 11, 21))))).Message);
        Assert.Null(await db.UseCase<StartSupportPlan>(context, "staff:T003").HandleAsync(await ScopeAsync(context, "T003"), new(amira, SupportPlanKind.PastoralSupport, Monday)));
        Assert.Equal(before, await db.CountsAsync());

        var id = (await start.HandleAsync(grace, new(amira, SupportPlanKind.PastoralSupport, Monday)))!.Value;
        var get = db.UseCase<GetSupportPlan>(context, "staff:T001");
        var plan = (await get.HandleAsync(grace, id))!;
        // 16 weeks from Monday 23 November is Monday 15 March; the half-way review is Monday 18 January.
        Assert.Equal(new DateOnly(2027, 3, 15), plan.EndsOn);
        Assert.Equal([("Mid-point review (week 8)", new DateOnly(2027, 1, 18)), ("End review (week 16): end the plan, extend it, or escalate", new DateOnly(2027, 3, 15))],
            plan.Steps.Select(s => (s.Title, s.DueOn)));
        Assert.Equal(("Grace Okafor", true, 0), (plan.Owner, plan.CanEdit, plan.Version));

        // Saving: the required section first; then saved, and the history has both versions.
        var save = db.UseCase<SaveSupportPlan>(context, "staff:T001");
        Assert.Equal("write Why a pastoral support plan (the concerns; e.g. repeated suspensions)",
            (await Assert.ThrowsAsync<ValidationException>(() => save.HandleAsync(grace, new(id, 0, new Dictionary<string, string?> { ["strengths"] = "Kind to others" }, null, null, null)))).Message);
        Assert.True(await save.HandleAsync(grace, new(id, 0, new Dictionary<string, string?> { ["concerns"] = "Two suspensions this half-term.", ["strengths"] = "Kind to others" },
            "I want to stay in school.", "Mum will check the planner nightly.", "Seat her near the door; give a 2-minute warning before transitions.")));
        // Someone who read version 0 saves too late: told, not overwritten.
        await Assert.ThrowsAsync<ConcurrencyException>(() => save.HandleAsync(grace, new(id, 0, new Dictionary<string, string?> { ["concerns"] = "Overwritten" }, null, null, null)));
        plan = (await get.HandleAsync(grace, id))!;
        Assert.Equal(("Two suspensions this half-term.", "I want to stay in school.", 1), (plan.Sections.Single(s => s.Section.Key == "concerns").Text, plan.StudentView, plan.Version));
        Assert.Equal([2, 1], plan.Versions.Select(v => v.Number));
        var first = (await get.HandleAsync(grace, id, 1))!;
        Assert.Null(first.Sections.Single(s => s.Section.Key == "concerns").Text);

        // A subject teacher who teaches her never reads the plan; the class list's strategies are all they get.
        var teacher = await ScopeAsync(context, "T003");
        Assert.Null(await db.UseCase<GetSupportPlan>(context, "staff:T003").HandleAsync(teacher, id));
        var strategies = await db.UseCase<SupportPlanStrategies>(context).ForStudentsAsync([amira]);
        Assert.Equal(("Pastoral support plan (PSP)", "Seat her near the door; give a 2-minute warning before transitions."), (strategies[amira][0].Plan, strategies[amira][0].Text));
        // A senior leader reads it (the whole institution's pastoral record) but does not change it unless added as a contributor.
        var tom = await ScopeAsync(context, "T021");
        Assert.False((await db.UseCase<GetSupportPlan>(context, "staff:T021").HandleAsync(tom, id))!.CanEdit);
        Assert.False(await db.UseCase<SaveSupportPlan>(context, "staff:T021").HandleAsync(tom, new(id, 1, new Dictionary<string, string?> { ["concerns"] = "x" }, null, null, null)));

        // The inbox: nothing on the Monday; the week before the mid-point review it is due; the day after, overdue.
        var inbox = db.UseCase<GetInbox>(context);
        Assert.DoesNotContain((await inbox.HandleAsync(grace, Monday)).Items, i => i.Kind is GetInbox.Kind.SupportPlanStepDue or GetInbox.Kind.SupportPlanStepOverdue);
        var due = Assert.Single((await inbox.HandleAsync(grace, new DateOnly(2027, 1, 11))).Items, i => i.Kind == GetInbox.Kind.SupportPlanStepDue);
        Assert.Equal(($"/support-plans/{id}#steps", "Pastoral support plan (PSP): Mid-point review (week 8)", new DateOnly(2027, 1, 18)), (due.Link, due.Text, due.When));
        Assert.Single((await inbox.HandleAsync(grace, new DateOnly(2027, 1, 19))).Items, i => i.Kind == GetInbox.Kind.SupportPlanStepOverdue);
        Assert.DoesNotContain((await inbox.HandleAsync(tom, new DateOnly(2027, 1, 19))).Items, i => i.Kind == GetInbox.Kind.SupportPlanStepOverdue);

        // The review needs what it decided; done, it leaves the inbox. A target for Marcus (a senior leader) reaches his.
        var steps = db.UseCase<PlanSteps>(context, "staff:T001");
        var review = plan.Steps[0];
        Assert.Equal("write what the review decided", (await Assert.ThrowsAsync<ValidationException>(() => steps.CompleteAsync(grace, review.Id, review.Version, " "))).Message);
        Assert.True(await steps.CompleteAsync(grace, review.Id, review.Version, "No suspensions since the plan began; continue to week 16."));
        Assert.DoesNotContain((await inbox.HandleAsync(grace, new DateOnly(2027, 1, 19))).Items, i => i.Kind == GetInbox.Kind.SupportPlanStepOverdue);
        var staff = await context.Staff.ToDictionaryAsync(s => s.ExternalId, s => s.Id);
        Assert.Equal("Paul Green has left; choose someone who is still here",
            (await Assert.ThrowsAsync<ValidationException>(() => steps.AddAsync(grace, new(id, SupportPlanStepKind.Target, "Check in weekly", Monday.AddDays(7), staff["T022"])))).Message);
        Assert.NotNull(await steps.AddAsync(grace, new(id, SupportPlanStepKind.Target, "Meet Amira weekly at lunchtime", Monday.AddDays(7), staff["T021"])));
        Assert.Single((await inbox.HandleAsync(tom, Monday)).Items, i => i.Kind == GetInbox.Kind.SupportPlanStepDue);

        // Ended with a reason: it stays readable, its steps leave every inbox, its strategies leave class lists.
        var end = db.UseCase<EndSupportPlan>(context, "staff:T001");
        Assert.True(await end.HandleAsync(grace, id, 1, "Outcomes met at the end review."));
        Assert.False((await get.HandleAsync(grace, id))!.CanEdit);
        Assert.DoesNotContain((await inbox.HandleAsync(tom, Monday)).Items, i => i.Kind == GetInbox.Kind.SupportPlanStepDue);
        Assert.Empty(await db.UseCase<SupportPlanStrategies>(context).ForStudentsAsync([amira]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_EHCP_annual_review_gets_its_statutory_steps_and_a_reduced_timetable_is_time_limited_with_fortnightly_reviews(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var ollie = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        var grace = await ScopeAsync(context, "T001");
        var start = db.UseCase<StartSupportPlan>(context, "staff:T001");
        var before = await db.CountsAsync();

        // The meeting needs 2 weeks' notice from today (Monday 23 November): 1 December is too soon.
        Assert.Equal("the annual review needs 2 weeks' notice: the meeting (1 December 2026) must be on or after 7 December 2026",
            (await Assert.ThrowsAsync<ValidationException>(() => start.HandleAsync(grace, new(ollie, SupportPlanKind.Ehcp, Monday, new DateOnly(2026, 12, 1))))).Message);
        // A reduced timetable: time-limited (13 weeks refused), with its hours.
        Assert.StartsWith("a reduced timetable is time-limited: at most 12 weeks, so ending by 15 February 2027",
            (await Assert.ThrowsAsync<ValidationException>(() => start.HandleAsync(grace, new(ollie, SupportPlanKind.ReducedTimetable, Monday, EndsOn: new DateOnly(2027, 2, 22), HoursPerWeek: 15)))).Message);
        Assert.Equal("give the hours a week on the reduced timetable, from 0.5 to 30",
            (await Assert.ThrowsAsync<ValidationException>(() => start.HandleAsync(grace, new(ollie, SupportPlanKind.ReducedTimetable, Monday, EndsOn: new DateOnly(2027, 1, 4), HoursPerWeek: 0)))).Message);
        Assert.Equal(before, await db.CountsAsync());

        // Meeting Wednesday 20 January: invitations by 6 January, the report by 3 February, the decision by 17 February.
        var ehcp = (await start.HandleAsync(grace, new(ollie, SupportPlanKind.Ehcp, Monday, new DateOnly(2027, 1, 20))))!.Value;
        var get = db.UseCase<GetSupportPlan>(context, "staff:T001");
        Assert.Equal([new DateOnly(2027, 1, 6), new DateOnly(2027, 1, 20), new DateOnly(2027, 2, 3), new DateOnly(2027, 2, 17)],
            (await get.HandleAsync(grace, ehcp))!.Steps.Select(s => s.DueOn));
        Assert.All((await get.HandleAsync(grace, ehcp))!.Steps, s => Assert.Equal(SupportPlanStepKind.Statutory, s.Kind));
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"], (await get.HandleAsync(grace, ehcp))!.Sections.Select(s => s.Section.Key));

        // Six weeks to Monday 4 January at 15 hours: reviews on 7 and 21 December, then the end date itself.
        var part = (await start.HandleAsync(grace, new(ollie, SupportPlanKind.ReducedTimetable, Monday, EndsOn: new DateOnly(2027, 1, 4), HoursPerWeek: 15)))!.Value;
        var reduced = (await get.HandleAsync(grace, part))!;
        Assert.Equal([new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 4)], reduced.Steps.Select(s => s.DueOn));
        Assert.Equal((15m, new DateOnly(2027, 1, 4)), (reduced.HoursPerWeek!.Value, reduced.EndsOn!.Value));

        // Learning support reads the SEND plan (the EHCP) of any student, not the reduced timetable; a senior leader both.
        context.Staff.Add(new Staff
        {
            InstitutionId = institution,
            ExternalId = "T090",
            FirstName = "Sam",
            LastName = "Okoye",
            Email = "sam.okoye@school.example",
            Roles = [new StaffRole { Role = Roles.LearningSupport }],
        });
        await context.SaveChangesAsync();
        var senco = await ScopeAsync(context, "T090");
        var plans = db.UseCase<ListSupportPlans>(context, "staff:T090");
        Assert.Equal([ehcp], (await plans.MineAsync(senco)).Select(p => p.Id));
        Assert.NotNull(await db.UseCase<GetSupportPlan>(context, "staff:T090").HandleAsync(senco, ehcp));
        Assert.Null(await db.UseCase<GetSupportPlan>(context, "staff:T090").HandleAsync(senco, part));
        Assert.Equal(2, (await db.UseCase<ListSupportPlans>(context, "staff:T021").ForStudentAsync(await ScopeAsync(context, "T021"), ollie)).Count);
        // Every read of a plan is in the audit log.
        Assert.Equal(5, await context.AuditEvents.CountAsync(a => a.Entity == nameof(SupportPlan) && a.Action == AuditAction.Read)); // Grace 4, the SENCo 1 (a refusal reads nothing)
    }
}

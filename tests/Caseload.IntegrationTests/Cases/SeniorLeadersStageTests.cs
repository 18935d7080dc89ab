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

namespace Caseload.IntegrationTests.Cases;

/// <summary>Stage 5+ belongs to the senior leadership team: the case waits in every senior leader's inbox until one takes it.</summary>
public sealed class SeniorLeadersStageTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_moved_to_stage_5_waits_for_a_senior_leader_to_take_it(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await db.ImportTextAsync(institution, "staff", "staff_id,first_name,last_name,email,roles\nT008,Sam,Okoye,sam.okoye@school.example,senior-leader\nT009,Lin,Wu,lin.wu@school.example,senior-leader\n");
        await using var context = db.NewContext();
        async Task<StudentScope> ScopeAsync(string staff) => await StudentScope.ForAsync(context,
            (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!);
        GetInbox Inbox() => db.UseCase<GetInbox>(context);
        var s1002 = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        var (tutor, sam, lin) = (await ScopeAsync("T001"), await ScopeAsync("T008"), await ScopeAsync("T009"));

        // The tutor escalates to Stage 5+ (owned by senior leaders in the default procedure): nobody owns it yet.
        var opened = (await db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(tutor, new OpenCase.Request(s1002, 4, CaseReason.Attendance, "Absent most Mondays")))!;
        Assert.True(await db.UseCase<MoveCase>(context, "staff:T001").HandleAsync(tutor, opened.Id, 0, 5, "No change after the parenting contract"));
        context.ChangeTracker.Clear();
        Assert.Null((await context.InterventionCases.AsNoTracking().SingleAsync(c => c.Id == opened.Id)).OwnerStaffId);

        // It is in both senior leaders' inboxes, with why it came, and counts in the badge; not in the tutor's as theirs.
        foreach (var leader in new[] { sam, lin })
        {
            var waiting = (await Inbox().HandleAsync(leader, Today)).Items.Single(i => i.Kind == GetInbox.Kind.ForSeniorLeaders);
            Assert.Equal(($"/cases/{opened.Id}", s1002), (waiting.Link, waiting.StudentId));
            Assert.Contains("No change after the parenting contract", waiting.Text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain((await Inbox().HandleAsync(tutor, Today)).Items, i => i.Kind == GetInbox.Kind.ForSeniorLeaders);

        // Only a senior leader may take it; Sam takes it and it is his; Lin, a moment later, is told, never silently overwrites.
        await Assert.ThrowsAsync<NotFoundException>(() => db.UseCase<TakeCase>(context, "staff:T001").HandleAsync(tutor, opened.Id, 1));
        context.ChangeTracker.Clear();
        Assert.True(await db.UseCase<TakeCase>(context, "staff:T008").HandleAsync(sam, opened.Id, 1));
        context.ChangeTracker.Clear();
        Assert.Equal("Sam Okoye has already taken this case", (await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<TakeCase>(context, "staff:T009").HandleAsync(lin, opened.Id, 1))).Message);
        context.ChangeTracker.Clear();
        var taken = (await db.UseCase<GetCase>(context, "staff:T008").HandleAsync(sam, opened.Id))!;
        Assert.Equal(("Sam Okoye", "Taken by Sam Okoye for the senior leadership team"), (taken.Owner, taken.History[^1].Text));
        Assert.DoesNotContain((await Inbox().HandleAsync(lin, Today)).Items, i => i.Kind == GetInbox.Kind.ForSeniorLeaders);
    }
}

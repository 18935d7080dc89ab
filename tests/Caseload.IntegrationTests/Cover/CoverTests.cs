using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Cases;
using Caseload.Core.Features.Cover;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Cover;

/// <summary>
/// Cover for an absent tutor: the cover sees the tutor's students and inbox items from the first day to the last, not
/// before and not after; a senior tutor arranges it for their team only; one group can be covered apart from the rest.
/// </summary>
public sealed class CoverTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cover_sees_the_absent_tutors_students_and_cases_only_from_the_first_day_to_the_last(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.True((await db.ImportFileAsync(institution, "caseloads", Samples.PathOf("caseloads"))).Succeeded);
        await using var context = db.NewContext();
        async Task<Viewer> ViewerOf(string staff) => (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!;
        async Task<StudentScope> ScopeOf(string staff, DateOnly day) => await StudentScope.ForAsync(context, await ViewerOf(staff), day);
        async Task<List<string>> SeenBy(string staff, DateOnly day) =>
            await (await ScopeOf(staff, day)).Pastoral(context).OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync();
        async Task<List<GetInbox.Item>> InboxOf(string staff, DateOnly day) => [.. (await db.UseCase<GetInbox>(context).HandleAsync(await ScopeOf(staff, day), day)).Items];

        // Grace Okafor (T001) tutors 12A (S1001–S1003) and holds S1004 by name; Daniel Kowalski (T002), her senior tutor,
        // tutors 12B. Aisha Rahman (T003) only teaches: no pastoral record of anyone. Grace owns a case about S1002.
        var monday = new DateOnly(2026, 11, 23);
        var s1002 = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        var opened = (await db.UseCase<OpenCase>(context, "staff:T001").HandleAsync(await ScopeOf("T001", monday), new OpenCase.Request(s1002, 1, CaseReason.Attendance, "Late most mornings")))!;
        var review = opened.NextReview;

        // Daniel arranges cover of Grace's whole caseload by Aisha from Wednesday to the case's review day (at least Friday).
        var arrange = db.UseCase<ArrangeCover>(context);
        var daniel = await ViewerOf("T002");
        var grace = (await ViewerOf("T001")).StaffId;
        var aisha = (await ViewerOf("T003")).StaffId;
        var (from, to) = (new DateOnly(2026, 11, 25), review > new DateOnly(2026, 11, 27) ? review : new DateOnly(2026, 11, 27));
        var cover = await arrange.HandleAsync(daniel, new ArrangeCover.Request(grace, aisha, null, from, to));

        Assert.Empty(await SeenBy("T003", from.AddDays(-1)));
        Assert.Equal(["S1001", "S1002", "S1003", "S1004"], await SeenBy("T003", from));
        Assert.Equal(["S1001", "S1002", "S1003", "S1004"], await SeenBy("T003", to));
        Assert.Empty(await SeenBy("T003", to.AddDays(1)));
        Assert.Equal(["S1001", "S1002", "S1003", "S1004"], await SeenBy("T001", from)); // Grace keeps hers
        var covering = Assert.Single((await ScopeOf("T003", from)).Covers);
        Assert.Equal(("Grace Okafor", (string?)null, to), (covering.TutorName, covering.TutorGroupCode, covering.To));

        // Her inbox items come to Aisha for those days: the 1:1s due for her tutees, and the case's review.
        var during = await InboxOf("T003", review);
        Assert.Contains(during, i => i.Link == $"/cases/{opened.Id}");
        var due = during.Where(i => i.Kind is GetInbox.Kind.OneToOneDue or GetInbox.Kind.OneToOneOverdue).Select(i => i.StudentId).ToList();
        Assert.Equal(["S1001", "S1002", "S1003", "S1004"], await context.Students.Where(s => due.Contains(s.Id)).OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync());
        Assert.Empty(await InboxOf("T003", to.AddDays(1)));

        // Ending it early takes it away at once.
        await arrange.EndAsync(daniel, cover.Id);
        Assert.Empty(await SeenBy("T003", from));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_group_can_be_covered_and_only_those_who_arrange_cover_for_a_tutor_may(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        async Task<Viewer> ViewerOf(string staff) => (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!;
        var arrange = db.UseCase<ArrangeCover>(context);
        var (grace, daniel, tom, aisha) = (await ViewerOf("T001"), await ViewerOf("T002"), await ViewerOf("T004"), await ViewerOf("T003"));
        var twelveA = await context.TutorGroups.Where(g => g.Code == "12A").Select(g => g.Id).SingleAsync();
        var (from, to) = (new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3));

        // Tom (a progress leader without years yet) covers 12A only: he sees its three students, not S1004.
        await arrange.HandleAsync(daniel, new ArrangeCover.Request(grace.StaffId, tom.StaffId, twelveA, from, to));
        var scope = await StudentScope.ForAsync(context, tom, from);
        Assert.Equal(["S1001", "S1002", "S1003"], await scope.Pastoral(context).OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync());
        Assert.Equal("12A", Assert.Single(scope.Covers).TutorGroupCode);

        // Not the tutor herself, nor a progress leader for a tutor outside their years, nor for a tutor not in one's team.
        await Assert.ThrowsAsync<NotFoundException>(() => arrange.HandleAsync(grace, new ArrangeCover.Request(grace.StaffId, aisha.StaffId, null, from, to)));
        await Assert.ThrowsAsync<NotFoundException>(() => arrange.HandleAsync(tom, new ArrangeCover.Request(grace.StaffId, aisha.StaffId, null, from, to)));
        await Assert.ThrowsAsync<NotFoundException>(() => arrange.HandleAsync(daniel, new ArrangeCover.Request(tom.StaffId, aisha.StaffId, null, from, to)));
        // Bad days, a second cover of the same group on the same days, and oneself as cover, each say what is wrong.
        Assert.Contains("is before the first", (await Assert.ThrowsAsync<ValidationException>(() => arrange.HandleAsync(daniel, new ArrangeCover.Request(grace.StaffId, aisha.StaffId, null, to, from)))).Message, StringComparison.Ordinal);
        Assert.Contains("already covered", (await Assert.ThrowsAsync<ValidationException>(() => arrange.HandleAsync(daniel, new ArrangeCover.Request(grace.StaffId, aisha.StaffId, null, to, to)))).Message, StringComparison.Ordinal);
        Assert.Contains("cannot cover their own", (await Assert.ThrowsAsync<ValidationException>(() => arrange.HandleAsync(daniel, new ArrangeCover.Request(grace.StaffId, grace.StaffId, null, from, to)))).Message, StringComparison.Ordinal);
        Assert.Contains("longer than 120", (await Assert.ThrowsAsync<ValidationException>(() => arrange.HandleAsync(daniel, new ArrangeCover.Request(grace.StaffId, aisha.StaffId, null, from.AddDays(10), from.AddDays(140))))).Message, StringComparison.Ordinal);
        Assert.Equal(1, await context.Covers.CountAsync());

        // The list: Daniel sees what he arranged; Tom sees that he covers.
        var listed = Assert.Single(await db.UseCase<ListCovers>(context).HandleAsync(tom));
        Assert.Equal(("Grace Okafor", "tutor group 12A", true, ListCovers.State.Upcoming), (listed.Tutor, listed.What, listed.Mine, listed.State));
        Assert.False(Assert.Single(await db.UseCase<ListCovers>(context).HandleAsync(daniel)).Mine);
    }
}

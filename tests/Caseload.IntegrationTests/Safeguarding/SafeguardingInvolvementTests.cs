using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Safeguarding;

/// <summary>
/// Other children involved in a concern: named from the students the reporter can see; the concern reaches each of
/// their chronologies without the words or the other children's names until the safeguarding team links it.
/// </summary>
public sealed class SafeguardingInvolvementTests
{
    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_child_sees_the_concern_on_their_record_without_words_or_names_until_the_team_links_it(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var ids = await context.Students.ToDictionaryAsync(s => s.ExternalId, s => s.Id);
        var grace = await ScopeAsync(context, "T001"); // tutor of 12A: Amira, Ollie, Chidi
        var report = db.UseCase<ReportSafeguardingConcern>(context, "staff:T001");
        var monday = new DateOnly(2026, 11, 23);
        ReportSafeguardingConcern.Request Naming(params string[] others) =>
            new(ids["S1001"], Urgency.Soon, "Pushed into the lockers by a group.", monday, null, "Changing room", null, "They said I'm next", null, ["Child-on-child abuse"]) { Involved = others };

        // Refused, nothing written: a child she cannot see (12B), the child the concern is about, something not from the list, too many.
        var before = await db.CountsAsync();
        Assert.Equal("S1004 is not a student you can see; choose other children involved from the list as you type",
            (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(grace, Naming("Mei O'Brien-Wong (12B) [S1004]")))).Message);
        Assert.Equal("the child the concern is about is named among the other children involved; name only the others",
            (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(grace, Naming("Amira Hassan (12A) [S1001]")))).Message);
        Assert.Equal("'Ollie from 12A' is not a student from the list; choose other children involved from the list as you type",
            (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(grace, Naming("Ollie from 12A")))).Message);
        Assert.StartsWith("7 other children named; expected at most 6",
            (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(grace, Naming("A1", "A2", "A3", "A4", "A5", "A6", "A7")))).Message);
        Assert.Equal(before, await db.CountsAsync());

        var concern = (await report.HandleAsync(grace, Naming("Oliver Nowak (12A) [S1002]", "", "S1003")))!;
        var lead = await ScopeAsync(context, "T005");
        var chronology = db.UseCase<GetSafeguardingChronology>(context, "staff:T005");
        // Amira's record names the others.
        var amira = Assert.Single((await chronology.HandleAsync(lead, ids["S1001"]))!.Lines).Concern!;
        Assert.Equal(["Chidi Eze", "Ollie Nowak"], amira.OthersInvolved.Order());
        // Ollie's: that something was recorded, when and about what; not a word, not a name.
        var ollie = Assert.Single((await chronology.HandleAsync(lead, ids["S1002"]))!.Lines).Concern!;
        Assert.NotNull(ollie.UnlinkedInvolvement);
        Assert.Equal(("", null, null, null, monday), (ollie.What, ollie.ChildsWords, ollie.Place, ollie.RecordedFor, ollie.OccurredOn));
        Assert.Equal(["Child-on-child abuse"], ollie.Categories);
        Assert.Empty(ollie.OthersInvolved);
        // Nobody outside the team links it; the lead does, and Ollie's record shows it in full, for whom it was recorded.
        Assert.False(await db.UseCase<LinkInvolvedChild>(context, "staff:T001").HandleAsync(grace, ollie.UnlinkedInvolvement!.Value));
        Assert.True(await db.UseCase<LinkInvolvedChild>(context, "staff:T005").HandleAsync(lead, ollie.UnlinkedInvolvement!.Value));
        var linked = Assert.Single((await chronology.HandleAsync(lead, ids["S1002"]))!.Lines).Concern!;
        Assert.Equal(("Pushed into the lockers by a group.", "Amira Hassan", (long?)null), (linked.What, linked.RecordedFor, linked.UnlinkedInvolvement));
        Assert.Equal(["Chidi Eze"], linked.OthersInvolved);
        // Chidi's is still unlinked; the tutor (not the team) reads no chronology of either.
        Assert.NotNull(Assert.Single((await chronology.HandleAsync(lead, ids["S1003"]))!.Lines).Concern!.UnlinkedInvolvement);
        Assert.Null(await db.UseCase<GetSafeguardingChronology>(context, "staff:T001").HandleAsync(grace, ids["S1003"]));
        Assert.Equal(concern.Id, linked.ReferralId);
    }
}

using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Behaviour;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Behaviour;

/// <summary>The progress leader's log forgets nothing: on Monday it holds Friday's events, and an incident nobody has dealt with stays, however old.</summary>
public sealed class BehaviourLogTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task On_monday_the_log_holds_fridays_events_and_every_incident_not_yet_dealt_with_however_old(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        // Each incident reaches Caseload the night after it happened, from the MIS; one from October arrives only today,
        // in a backfill of the MIS's history: that one is history, not waiting for anyone.
        foreach (var (line, night) in new[]
        {
            ("S1001,2026-10-01,negative,Disruption,-1,Seven weeks ago", new DateOnly(2026, 10, 2)),
            ("S1003,2026-11-10,negative,Lateness,-1,Thirteen days ago", new DateOnly(2026, 11, 11)),
            ("S1002,2026-11-12,negative,Defiance,-2,Eleven days ago and nobody has dealt with it", new DateOnly(2026, 11, 13)),
            ("S1002,2026-11-12,positive,Excellent work,2,An old reward", new DateOnly(2026, 11, 13)),
            ("S1001,2026-11-20,negative,Disruption,-2,Friday afternoon", new DateOnly(2026, 11, 21)),
            ("S1003,2026-10-05,negative,Disruption,-1,Backfilled history", new DateOnly(2026, 11, 23)),
        })
        {
            db.Clock.Now = night.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            var imported = await db.ImportTextAsync(institution, "behaviour", "student_id,date,type,category,points,description\n" + line + "\n");
            Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
        }
        db.Clock.Now = Monday.ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc);
        await using var context = db.NewContext();
        var leaderId = await context.Staff.Where(s => s.ExternalId == "T004").Select(s => s.Id).SingleAsync();
        await context.YearGroups.Where(y => y.InstitutionId == institution).ExecuteUpdateAsync(u => u.SetProperty(y => y.ProgressLeaderStaffId, leaderId));
        var leader = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, leaderId))!);
        var dailyLog = db.UseCase<GetBehaviourLog>(context);
        var dealtWith = db.UseCase<MarkDealtWith>(context);

        // Everything nobody has dealt with, however old, oldest first; the old reward is not waiting for anything.
        string[] ours = ["Seven weeks ago", "Thirteen days ago", "Eleven days ago and nobody has dealt with it", "Friday afternoon", "An old reward", "Backfilled history"];
        var log = await dailyLog.HandleAsync(leader, Monday);
        Assert.Equal(["Seven weeks ago", "Thirteen days ago", "Eleven days ago and nobody has dealt with it", "Friday afternoon"], log.Select(e => e.Description).Where(ours.Contains));
        var waiting = log.Count(e => e.Type == BehaviourType.Negative && e.DealtWithAt is null);
        Assert.Equal(waiting, await dailyLog.CountWaitingAsync(leader, Monday)); // the number beside the link is what the page lists
        // Any dates instead: everything on them, rewards, history and all.
        Assert.Equal(["Backfilled history"], (await dailyLog.HandleAsync(leader, Monday, new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 5))).Select(e => e.Description!));
        Assert.Equal(["Eleven days ago and nobody has dealt with it", "An old reward"],
            (await dailyLog.HandleAsync(leader, Monday, new DateOnly(2026, 11, 12), new DateOnly(2026, 11, 12))).Select(e => e.Description!));
        Assert.Equal("the dates run backwards (20 Nov 2026 to 12 Nov 2026); expected the first date on or before the last",
            (await Assert.ThrowsAsync<ValidationException>(() => dailyLog.HandleAsync(leader, Monday, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 12)))).Message);
        Assert.Equal("the dates cover 401 days; expected at most 400",
            (await Assert.ThrowsAsync<ValidationException>(() => dailyLog.HandleAsync(leader, Monday, new DateOnly(2025, 10, 19), new DateOnly(2026, 11, 23)))).Message);

        // Dealt with, the old one leaves the log; Friday's stays until the next school day has passed.
        Assert.True(await dealtWith.HandleAsync(leader, log.Single(e => e.Description == "Thirteen days ago").EventId, "Spoke to him"));
        Assert.DoesNotContain(await dailyLog.HandleAsync(leader, Monday), e => e.Description == "Thirteen days ago");
        Assert.Equal(waiting - 1, await dailyLog.CountWaitingAsync(leader, Monday));
        Assert.Contains(await dailyLog.HandleAsync(leader, Monday.AddDays(1)), e => e.Description == "Friday afternoon"); // not dealt with yet
        Assert.True(await dealtWith.HandleAsync(leader, log.Single(e => e.Description == "Friday afternoon").EventId, null));
        Assert.DoesNotContain(await dailyLog.HandleAsync(leader, Monday.AddDays(1)), e => e.Description == "Friday afternoon");

        // Several at once with one note: the one someone dealt with meanwhile is left as it was.
        var friday = log.Single(e => e.Description == "Friday afternoon").EventId;
        var eleven = log.Single(e => e.Description == "Eleven days ago and nobody has dealt with it").EventId;
        Assert.Equal(1, await dealtWith.HandleAsync(leader, [friday, eleven], "Both seen at the year meeting"));
        var notes = await context.BehaviourReviews.AsNoTracking().Where(r => r.BehaviourEventId == friday || r.BehaviourEventId == eleven)
            .ToDictionaryAsync(r => r.BehaviourEventId, r => r.Note);
        Assert.Equal("Both seen at the year meeting", notes[eleven]);
        Assert.Null(notes[friday]); // marked earlier, without a note: unchanged
        Assert.DoesNotContain(await dailyLog.HandleAsync(leader, Monday), e => e.EventId == eleven);
        Assert.Equal("tick the incidents that have been dealt with", (await Assert.ThrowsAsync<ValidationException>(() => dealtWith.HandleAsync(leader, [], null))).Message);
        // An event of a student the viewer does not look after refuses the whole lot.
        var otherInstitution = await db.CreateInstitutionAsync("OTHER");
        Assert.True((await db.ImportTextAsync(otherInstitution, "students", "student_id,first_name,last_name,date_of_birth,year_group\nX1,Sam,Other,2010-01-01,12\n")).Succeeded);
        Assert.True((await db.ImportTextAsync(otherInstitution, "behaviour", "student_id,date,type,category,points,description\nX1,2026-11-20,negative,Disruption,-1,Elsewhere\n")).Succeeded);
        var elsewhere = await context.BehaviourEvents.Where(e => e.Description == "Elsewhere").Select(e => e.Id).SingleAsync();
        Assert.Null(await dealtWith.HandleAsync(leader, [eleven, elsewhere], null));
    }
}

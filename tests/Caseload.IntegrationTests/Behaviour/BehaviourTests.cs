using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Behaviour;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Behaviour;

/// <summary>Incidents with students in their roles, the daily log, and students on report, on both databases.</summary>
public sealed class BehaviourTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_incident_records_a_victim_never_as_a_perpetrator_and_the_progress_leader_marks_it_dealt_with(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var leaderId = await context.Staff.Where(s => s.ExternalId == "T004").Select(s => s.Id).SingleAsync();
        await context.YearGroups.Where(y => y.InstitutionId == institution).ExecuteUpdateAsync(u => u.SetProperty(y => y.ProgressLeaderStaffId, leaderId));
        var ids = await context.Students.ToDictionaryAsync(s => s.ExternalId, s => s.Id);
        var teacher = await ScopeAsync(context, "T003"); // teaches S1001–S1003
        var incidents = db.UseCase<RecordIncident>(context);
        var records = db.UseCase<GetBehaviourRecord>(context);
        var dailyLog = db.UseCase<GetBehaviourLog>(context);
        var dealtWith = db.UseCase<MarkDealtWith>(context);
        var startReport = db.UseCase<StartReport>(context);
        var reportDay = db.UseCase<RecordReportDay>(context);
        var endReport = db.UseCase<EndReport>(context);
        var pointsBefore = await context.StudentSummaries.Where(s => s.StudentId == ids["S1002"]).Select(s => s.BehaviourTerm).SingleAsync();

        // Refused, nothing written: a student twice (victim and perpetrator), points for a victim, nobody involved.
        var before = await db.CountsAsync();
        RecordIncident.Request Incident(params RecordIncident.Involved[] students) => new(Today, "Bullying", "Took a bag and threw it in the bin", "Canteen", students);
        Assert.Equal("Ollie Nowak is listed 2 times; a student has one role in an incident (a victim is never also a perpetrator)", (await Assert.ThrowsAsync<ValidationException>(() =>
            incidents.HandleAsync(teacher, Incident(new(ids["S1002"], IncidentRole.Perpetrator, -3), new(ids["S1002"], IncidentRole.Victim, 0))))).Message);
        Assert.Equal("Amira Hassan is a victim; points are for perpetrators only", (await Assert.ThrowsAsync<ValidationException>(() =>
            incidents.HandleAsync(teacher, Incident(new(ids["S1002"], IncidentRole.Perpetrator, -3), new(ids["S1001"], IncidentRole.Victim, -1))))).Message);
        Assert.Equal("add the students involved", (await Assert.ThrowsAsync<ValidationException>(() => incidents.HandleAsync(teacher, Incident([])))).Message);
        Assert.Null(await incidents.HandleAsync(teacher, Incident(new RecordIncident.Involved(ids["S1004"], IncidentRole.Perpetrator, -3)))); // not one of theirs
        Assert.Equal(before, await db.CountsAsync());

        // Ollie the perpetrator (−3), Amira the victim, Chidi a witness: only Ollie's part is a behaviour event that scores.
        var id = (await incidents.HandleAsync(teacher, Incident(new(ids["S1002"], IncidentRole.Perpetrator, -3), new(ids["S1001"], IncidentRole.Victim, 0),
            new(ids["S1003"], IncidentRole.Witness, 0))))!.Value;
        var events = await context.BehaviourEvents.AsNoTracking().Where(e => e.ExternalKey.StartsWith("incident:")).ToListAsync();
        Assert.Equal((ids["S1002"], -3, BehaviourType.Negative), (Assert.Single(events).StudentId, events[0].Points, events[0].Type));
        Assert.Equal(pointsBefore - 3, await context.StudentSummaries.Where(s => s.StudentId == ids["S1002"]).Select(s => s.BehaviourTerm).SingleAsync());
        // The database itself refuses points against a victim.
        await using (var raw = db.NewContext())
        {
            raw.IncidentStudents.Add(new IncidentStudent { IncidentId = id, StudentId = ids["S1005"], Role = IncidentRole.Victim, Points = -2 });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => raw.SaveChangesAsync());
        }
        var tutor = await ScopeAsync(context, "T001");
        var amira = await records.HandleAsync(tutor, ids["S1001"]);
        Assert.Equal(IncidentRole.Victim, Assert.Single(amira.Incidents).Role);

        // The progress leader's log: today's incident with the others involved, to mark dealt with (once).
        var leader = await ScopeAsync(context, "T004");
        var log = await dailyLog.HandleAsync(leader, Today);
        var entry = Assert.Single(log, e => e.StudentId == ids["S1002"] && e.Category == "Bullying");
        Assert.Equal(["Amira Hassan (victim)", "Chidi Eze (witness)"], entry.Involved.Order());
        Assert.DoesNotContain(log, e => e.StudentId == ids["S1001"]); // the victim has no event of their own
        await Assert.ThrowsAsync<NotFoundException>(() => dealtWith.HandleAsync(tutor, entry.EventId, null)); // a tutor has no log
        Assert.True(await dealtWith.HandleAsync(leader, entry.EventId, "Spoke to both; parents called"));
        await Assert.ThrowsAsync<ValidationException>(() => dealtWith.HandleAsync(leader, entry.EventId, null));
        Assert.NotNull((await dailyLog.HandleAsync(leader, Today)).Single(e => e.EventId == entry.EventId).DealtWithAt);
        Assert.DoesNotContain(await dailyLog.HandleAsync(leader, Today.AddDays(2)), e => e.EventId == entry.EventId); // yesterday's and today's only

        // On report: three targets; a day's record of 4 is refused; one record per day (a second replaces it).
        var report = (await startReport.HandleAsync(tutor, ids["S1002"], new DateOnly(2026, 11, 16), "On time\nEquipment\n\nNo points", "Lateness"))!.Value;
        await Assert.ThrowsAsync<ValidationException>(() => startReport.HandleAsync(tutor, ids["S1002"], Today, "x", "again"));
        Assert.Equal("4 targets met; expected 0 to 3", (await Assert.ThrowsAsync<ValidationException>(() => reportDay.HandleAsync(tutor, report, new DateOnly(2026, 11, 16), 4, null))).Message);
        Assert.True(await reportDay.HandleAsync(tutor, report, new DateOnly(2026, 11, 16), 1, "Late"));
        Assert.True(await reportDay.HandleAsync(tutor, report, new DateOnly(2026, 11, 16), 2, "Late, corrected"));
        var day = Assert.Single((await records.HandleAsync(tutor, ids["S1002"])).Reports.Single().Days);
        Assert.Equal((2, 3, "Late, corrected"), (day.Met, day.Of, day.Comment));
        Assert.True(await endReport.HandleAsync(tutor, report));
    }
}

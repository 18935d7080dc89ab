using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

public sealed class AuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_change_is_recorded_with_who_when_and_the_values_before_and_after(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await db.RunCliAsync("institution", "add", "--code", "RSFC", "--name", "Riverside")).Exit);
        Assert.Equal(0, (await db.RunCliAsync("import", "students", Samples.PathOf("students"), "--as", "office:jo")).Exit);

        await using var context = db.NewContext();
        var created = await context.AuditEvents.Where(a => a.Entity == "Student" && a.Action == AuditAction.Create).ToListAsync();
        Assert.Equal(5, created.Count);
        Assert.All(created, a => Assert.Equal("office:jo", a.Actor));
        var amira = await context.Students.SingleAsync(s => s.ExternalId == "S1001");
        var create = created.Single(a => a.StudentId == amira.Id);
        Assert.Equal(amira.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), create.EntityId);
        Assert.Contains("\"LastName\":\"Hassan\"", create.Changes);

        // A corrected file: the update is recorded with the old and new value, by whoever imported it.
        var corrected = Path.Combine(Path.GetTempPath(), $"students-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(corrected, (await File.ReadAllTextAsync(Samples.PathOf("students"))).Replace("Amira,Hassan", "Amira,Hassan-Ali"));
        try
        {
            Assert.Equal(0, (await db.RunCliAsync("import", "students", corrected, "--as", "office:sam")).Exit);
        }
        finally
        {
            File.Delete(corrected);
        }
        var update = await context.AuditEvents.SingleAsync(a => a.Entity == "Student" && a.Action == AuditAction.Update);
        Assert.Equal(("office:sam", amira.Id), (update.Actor, update.StudentId));
        Assert.Contains("\"LastName\":[\"Hassan\",\"Hassan-Ali\"]", update.Changes);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Password_hashes_never_reach_the_audit_log(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.Equal(0, (await db.RunCliAsync("users", "add", "--staff", "T006")).Exit);
        Assert.Equal(0, (await db.RunCliAsync("users", "reset", "--email", "priya.desai@school.example")).Exit);
        await using var context = db.NewContext();
        var hash = await context.Users.Select(u => u.PasswordHash).SingleAsync();
        var userEvents = await context.AuditEvents.Where(a => a.Entity == "CaseloadUser").ToListAsync();
        Assert.NotEmpty(userEvents);
        Assert.All(userEvents, a => Assert.DoesNotContain(hash!, a.Changes));
        Assert.Contains(userEvents, a => a.Changes!.Contains("\"PasswordHash\":\"(changed)\""));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_administrators_search_the_log_and_only_their_institutions(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var other = await db.CreateInstitutionAsync("OTHER");
        await db.ImportTextAsync(other, "students", "student_id,first_name,last_name,date_of_birth,year_group\nX9001,Sam,Other,2010-01-01,12\n");
        await using var context = db.NewContext();
        async Task<Caseload.Core.Security.Viewer> ViewerAsync(string staff) =>
            (await Caseload.Core.Security.Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!;
        var search = new Caseload.Core.Features.Audit.SearchAudit(context);

        Assert.Null(await search.HandleAsync(new(await ViewerAsync("T001"))));
        var all = (await search.HandleAsync(new(await ViewerAsync("T006"))))!;
        Assert.NotEmpty(all);
        Assert.DoesNotContain(all, l => l.Student == "X9001");
        var amira = (await search.HandleAsync(new(await ViewerAsync("T006"), StudentId: "S1001", Entity: "Student")))!;
        Assert.Equal(AuditAction.Create, Assert.Single(amira).Action);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entries_about_a_safeguarding_concern_are_seen_by_the_safeguarding_team_alone(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        async Task<Caseload.Core.Security.StudentScope> ScopeAsync(Caseload.Core.Data.CaseloadDbContext c, string staff) =>
            await Caseload.Core.Security.StudentScope.ForAsync(c, (await Caseload.Core.Security.Viewers.ForStaffAsync(c, await c.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!);
        var s1001 = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();

        // A teacher raises a safeguarding concern and an ordinary one; the safeguarding lead (T005) reads and acts on the first.
        var (restricted, ordinary) = await db.RunAsync(async services =>
        {
            var ctx = services.GetRequiredService<Caseload.Core.Data.CaseloadDbContext>();
            services.GetRequiredService<Caseload.Core.Data.AuditActor>().Name = "staff:T003";
            var r = (await services.GetRequiredService<RaiseReferral>().HandleAsync(await ScopeAsync(ctx, "T003"), new(s1001, ReferralCategory.Safeguarding, Urgency.Urgent, "Disclosed a worry")))!;
            var o = (await services.GetRequiredService<RaiseReferral>().HandleAsync(await ScopeAsync(ctx, "T003"), new(s1001, ReferralCategory.Concern, Urgency.Routine, "Asleep in class")))!;
            services.GetRequiredService<Caseload.Core.Data.AuditActor>().Name = "staff:T005";
            Assert.NotNull(await services.GetRequiredService<GetReferral>().HandleAsync(await ScopeAsync(ctx, "T005"), r.Id));
            Assert.True(await services.GetRequiredService<AcknowledgeReferral>().HandleAsync(await ScopeAsync(ctx, "T005"), r.Id, 0));
            return (r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        // Its creation, read and change are in the log, flagged as restricted; the ordinary concern's are not.
        Assert.Equal(3, await context.AuditEvents.CountAsync(a => a.Entity == "Referral" && a.EntityId == restricted && a.Restricted));
        Assert.False(await context.AuditEvents.AnyAsync(a => a.Entity == "Referral" && a.EntityId == ordinary && a.Restricted));

        var search = new Caseload.Core.Features.Audit.SearchAudit(context);
        var admin = (await Caseload.Core.Security.Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == "T006").Select(s => s.Id).SingleAsync()))!;
        var dsl = (await Caseload.Core.Security.Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == "T005").Select(s => s.Id).SingleAsync()))!;
        var today = DateOnly.FromDateTime(db.Clock.Now.UtcDateTime);
        // Every way an administrator can search: nothing, by the student, the kind of record, who acted, the day, reads only.
        foreach (var request in new Caseload.Core.Features.Audit.SearchAudit.Request[]
        {
            new(admin), new(admin, StudentId: "S1001"), new(admin, Entity: "Referral"), new(admin, Actor: "staff:T003"),
            new(admin, Actor: "staff:T005"), new(admin, From: today, To: today), new(admin, Action: AuditAction.Read),
            new(admin, Entity: "Referral", Action: AuditAction.Update, StudentId: "S1001"),
        })
        {
            var lines = (await search.HandleAsync(request))!;
            Assert.DoesNotContain(lines, l => l.Entity == "Referral" && l.EntityId == restricted);
            Assert.DoesNotContain(lines, l => l.Changes?.Contains("\"restricted\":true", StringComparison.OrdinalIgnoreCase) == true
                || l.Changes?.Contains("(restricted)", StringComparison.Ordinal) == true || l.Changes?.Contains("safeguarding", StringComparison.OrdinalIgnoreCase) == true);
        }
        Assert.Contains((await search.HandleAsync(new(admin, Entity: "Referral")))!, l => l.EntityId == ordinary);
        Assert.Empty((await search.HandleAsync(new(admin, Actor: "staff:T005")))!); // the lead did nothing else: not even a trace

        // The safeguarding team sees who raised, read and changed it, and nothing else of the log.
        var theirs = (await search.HandleAsync(new(dsl)))!;
        Assert.Equal(3, theirs.Count(l => l.Entity == "Referral" && l.EntityId == restricted));
        Assert.All(theirs, l => Assert.True(l.Entity == "Referral" && l.EntityId == restricted, $"{l.Entity} {l.EntityId}"));
        Assert.Equal(["staff:T003", "staff:T005", "staff:T005"], theirs.Select(l => l.Actor).Order());
    }
}

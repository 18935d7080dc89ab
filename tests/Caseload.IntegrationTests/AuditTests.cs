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
        var amira = (await search.HandleAsync(new(await ViewerAsync("T006"), Student: "S1001", Entity: "Student")))!;
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
            new(admin), new(admin, Student: "S1001"), new(admin, Entity: "Referral"), new(admin, Actor: "staff:T003"),
            new(admin, Actor: "staff:T005"), new(admin, From: today, To: today), new(admin, Action: AuditAction.Read),
            new(admin, Entity: "Referral", Action: AuditAction.Update, Student: "S1001"),
        })
        {
            var lines = (await search.HandleAsync(request))!;
            Assert.DoesNotContain(lines, l => l.Entity == "Referral" && l.EntityId == restricted);
            Assert.DoesNotContain(lines, l => l.Changes?.Contains("\"restricted\":true", StringComparison.OrdinalIgnoreCase) == true
                || l.Changes?.Contains("(restricted)", StringComparison.Ordinal) == true || l.Changes?.Contains("safeguarding", StringComparison.OrdinalIgnoreCase) == true);
        }
        Assert.Contains((await search.HandleAsync(new(admin, Entity: "Referral")))!, l => l.EntityId == ordinary);
        // A record type not in the list (an old link, a hand-made address) is refused, not searched for nothing.
        var refused = await Assert.ThrowsAsync<Caseload.Core.ValidationException>(() => search.HandleAsync(new(admin, Entity: "NoSuchRecord")));
        Assert.StartsWith("record type \"NoSuchRecord\" is not one the audit log records", refused.Message, StringComparison.Ordinal);
        refused = await Assert.ThrowsAsync<Caseload.Core.ValidationException>(() => search.HandleAsync(new(admin, Entity: new string('x', 5000))));
        Assert.True(refused.Message.Length < 200, refused.Message);
        Assert.Empty((await search.HandleAsync(new(admin, Actor: "staff:T005")))!); // the lead did nothing else: not even a trace

        // The safeguarding team sees who raised, read and changed it, and nothing else of the log.
        var theirs = (await search.HandleAsync(new(dsl)))!;
        Assert.Equal(3, theirs.Count(l => l.Entity == "Referral" && l.EntityId == restricted));
        Assert.All(theirs, l => Assert.True(l.Entity == "Referral" && l.EntityId == restricted, $"{l.Entity} {l.EntityId}"));
        Assert.Equal(["staff:T003", "staff:T005", "staff:T005"], theirs.Select(l => l.Actor).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_log_names_who_acted_finds_a_student_by_name_and_says_who_has_looked_at_a_record(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        async Task<Caseload.Core.Security.Viewer> ViewerAsync(string staff) =>
            (await Caseload.Core.Security.Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!;
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var (tutor, dsl, admin) = (await ViewerAsync("T001"), await ViewerAsync("T005"), await ViewerAsync("T006"));

        // Grace (the tutor) opens Amira's record; Ruth (the safeguarding lead) opens it and reads a safeguarding concern about her.
        async Task OpenAsync(Caseload.Core.Security.Viewer viewer) =>
            Assert.NotNull(await new Caseload.Core.Features.Students.GetStudentProfile(context, db.Clock,
                new Caseload.Core.Features.Institutions.ReferenceData(context, new Caseload.Core.Features.Institutions.ReferenceData.Store()),
                new Caseload.Core.Features.Referrals.ReferralAccess(context, db.Clock, new Caseload.Core.Data.AuditActor { Name = $"staff:{viewer.StaffId}" }))
                .HandleAsync(await Caseload.Core.Security.StudentScope.ForAsync(context, viewer), amira, DateOnly.FromDateTime(db.Clock.Now.UtcDateTime)));
        await OpenAsync(tutor);
        var concern = await db.RunAsync(async services =>
        {
            var ctx = services.GetRequiredService<Caseload.Core.Data.CaseloadDbContext>();
            services.GetRequiredService<Caseload.Core.Data.AuditActor>().Name = $"staff:{tutor.StaffId}";
            return (await services.GetRequiredService<RaiseReferral>().HandleAsync(await Caseload.Core.Security.StudentScope.ForAsync(ctx, tutor),
                new(amira, ReferralCategory.Safeguarding, Urgency.Urgent, "Disclosed a worry")))!.Id;
        });
        await OpenAsync(dsl);

        var search = new Caseload.Core.Features.Audit.SearchAudit(context);
        // The administrator finds Amira by her names in either order, in any case; each line names who acted, with their roles.
        var byName = (await search.HandleAsync(new(admin, Student: "hassan AMIRA", Action: AuditAction.Read)))!;
        Assert.Equal(["Grace Okafor", "Ruth Mensah"], byName.Select(l => l.ActorName!).Order());
        Assert.All(byName, l => Assert.Equal(("S1001", "Amira Hassan"), (l.Student, l.StudentName)));
        Assert.Equal(["safeguarding-lead"], byName.Single(l => l.ActorName == "Ruth Mensah").ActorRoles);
        Assert.Equal(byName.Select(l => (l.Actor, l.At)), (await search.HandleAsync(new(admin, Student: "S1001", Action: AuditAction.Read)))!.Select(l => (l.Actor, l.At)));
        // By member of staff; the concern's entries are not the administrator's to see.
        var grace = (await search.HandleAsync(new(admin, StaffId: tutor.StaffId)))!;
        Assert.All(grace, l => Assert.Equal("Grace Okafor", l.ActorName));
        var opened = Assert.Single(grace, l => l.Action == AuditAction.Read);
        Assert.Equal(("view", (string?)null, "pastoral"), (opened.Fields.Single().Name, opened.Fields.Single().Before, opened.Fields.Single().After));
        Assert.DoesNotContain(grace, l => l.Entity == "Referral");
        // Part of a name finds everyone it is part of; a name nobody has finds nothing (not everything).
        Assert.Equal(byName.Count, (await search.HandleAsync(new(admin, Student: "ami", Action: AuditAction.Read)))!.Count);
        Assert.Empty((await search.HandleAsync(new(admin, Student: "Nobody Atall")))!);

        // Who has looked at this record: for the administrator, the two openings; for the safeguarding lead, also her read of
        // the concern; for the tutor, nothing (not even that there is such a list).
        var forAdmin = (await search.ReadersAsync(admin, amira))!;
        Assert.Equal(2, forAdmin.Count);
        Assert.All(forAdmin, l => Assert.Equal("StudentProfile", l.Entity));
        var forDsl = (await search.ReadersAsync(dsl, amira))!;
        Assert.Equal(3, forDsl.Count);
        Assert.Contains(forDsl, l => l.Entity == "Referral" && l.EntityId == concern.ToString(System.Globalization.CultureInfo.InvariantCulture) && l.ActorName == "Ruth Mensah");
        Assert.Null(await search.ReadersAsync(tutor, amira));
    }

    [Fact]
    public void Values_are_read_as_fields_whatever_their_shape()
    {
        var update = Caseload.Core.Features.Audit.SearchAudit.Fields("""{"Status":["Open","Closed"],"Note":[null,"Seen"],"Send":[false,true]}""");
        Assert.Equal([new("Status", "Open", "Closed"), new("Note", "(none)", "Seen"), new("Send", "no", "yes")], update);
        var created = Caseload.Core.Features.Audit.SearchAudit.Fields("""{"Points":3,"Name":"Ann"}""");
        Assert.Equal([new("Points", null, "3"), new("Name", null, "Ann")], created);
        Assert.Equal([new("Values", null, "not json")], Caseload.Core.Features.Audit.SearchAudit.Fields("not json"));
        Assert.Empty(Caseload.Core.Features.Audit.SearchAudit.Fields(null));
    }
}

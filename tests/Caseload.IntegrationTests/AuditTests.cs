using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

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
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Notifications;
using Caseload.Core.Features.References;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caseload.IntegrationTests.References;

/// <summary>With e-mail on, each subject teacher asked for a contribution is told by e-mail: the link and the due date,
/// never the student's name.</summary>
public sealed class ContributionMailTests
{
    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_teacher_asked_gets_a_link_and_the_date(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.True((await db.ImportTextAsync(institution, "staff", "staff_id,first_name,last_name,email,roles\nT030,Sam,Lowe,sam.lowe@school.example,subject-teacher\n")).Succeeded);
        Assert.True((await db.ImportTextAsync(institution, "enrolments", """
            student_id,course_code,course_name,qualification,grade_scale,target_grade,teacher_staff_id,start_date
            S1001,ALMAT,Mathematics,A level,A-LEVEL,B,T003,2026-09-07
            S1001,ALPSY,Psychology,A level,A-LEVEL,B,T030,2026-09-07

            """)).Succeeded);
        await using var context = db.NewContext();
        var folder = Directory.CreateTempSubdirectory("caseload-mail-").FullName;
        try
        {
            var notifier = new Notifier(context, new EmailOptions { Mode = "FileDrop", DropFolder = folder, BaseUrl = "https://caseload.example" }, db.Clock, NullLogger<Notifier>.Instance);
            var senior = await ScopeAsync(context, "T002");
            var tutor = await ScopeAsync(context, "T001");
            var s1001 = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
            var cycle = await db.UseCase<ReferenceCycles>(context, "staff:T002").SaveAsync(senior.Viewer, null, 0, "2027 entry", new(2026, 10, 15), new(2027, 1, 13), null);
            var application = (await db.UseCase<StartApplication>(context, "staff:T001").HandleAsync(tutor, s1001, cycle.Id, ApplicationRoute.UcasUndergraduate, false))!;
            Assert.Equal(2, await db.UseCase<RequestContributions>(context, "staff:T001", notifier).HandleAsync(tutor, application.Id, 0, new(2026, 12, 4)));

            var mails = Directory.GetFiles(folder).Select(File.ReadAllText).ToList();
            Assert.Equal(2, mails.Count);
            var ids = await context.Contributions.Join(context.Staff, c => c.TeacherStaffId, s => s.Id, (c, s) => new { s.Email, c.Id }).ToDictionaryAsync(x => x.Email!, x => x.Id);
            foreach (var (email, id) in ids)
            {
                var mail = Assert.Single(mails, m => m.Contains($"To: {email}", StringComparison.Ordinal));
                Assert.Contains("Subject: A reference contribution is asked of you in Caseload", mail, StringComparison.Ordinal);
                Assert.Contains("by Friday 4 December", mail, StringComparison.Ordinal);
                Assert.Contains($"https://caseload.example/references/contributions/{id}", mail, StringComparison.Ordinal);
                Assert.DoesNotContain("Amira", mail, StringComparison.Ordinal);
                Assert.DoesNotContain("Hassan", mail, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Students;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

public sealed class ProfileTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_tutor_sees_the_whole_profile_and_every_read_is_audited(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var (profile, staffId) = await ProfileAsync(context, db, "T001", "S1001");

        Assert.Equal(StudentView.Pastoral, profile!.View);
        Assert.Equal("Amira Hassan", profile.Header.Name);
        Assert.Equal(["Disadvantaged", "EAL"], profile.Header.Flags);
        Assert.Equal((4, 4, 0, 0, 1, 12), (profile.Term!.Possible, profile.Term.Present, profile.Term.AuthorisedAbsence, profile.Term.UnauthorisedAbsence, profile.Term.Lates, profile.Term.MinutesLate));
        Assert.Equal((1, 0), (profile.Term.LatesBeforeClose, profile.Term.LatesAfterClose)); // an L: late before the register closed
        Assert.Equal(100m, profile.Year!.AttendancePercent);
        Assert.False(profile.Year.PersistentAbsence);
        Assert.Equal(4, profile.Marks.Count);
        Assert.Contains(profile.Codes, c => c.Code == "L" && c.Meaning == AttendanceMeaning.Present);
        var maths = profile.Subjects.Single(s => s.Course == "Mathematics");
        Assert.Equal(("B", "C", -1, "One grade below target"), (maths.Target, maths.Latest, maths.Gap, maths.Status));
        Assert.Equal("On target", profile.Subjects.Single(s => s.Course == "Psychology").Status);
        Assert.Equal("Excellent work", Assert.Single(profile.Behaviour).Category);

        var read = await context.AuditEvents.SingleAsync(a => a.Action == AuditAction.Read);
        Assert.Equal((AuditAction.Read, $"staff:{staffId}", profile.Header.Id), (read.Action, read.Actor, read.StudentId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_subject_teacher_sees_grades_only_and_an_unrelated_student_not_at_all(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();

        var (teacher, _) = await ProfileAsync(context, db, "T003", "S1002");
        Assert.Equal(StudentView.Academic, teacher!.View);
        Assert.Null(teacher.Term);
        Assert.Empty(teacher.Marks);
        Assert.Empty(teacher.Behaviour);
        Assert.Empty(teacher.Contacts);
        Assert.Empty(teacher.Header.Flags);
        Assert.Equal("D", Assert.Single(teacher.Subjects).Latest);

        var (unrelated, _) = await ProfileAsync(context, db, "T001", "S1004");
        Assert.Null(unrelated);
        Assert.Equal(1, await context.AuditEvents.CountAsync(a => a.Action == AuditAction.Read)); // the refused read left no record of a profile shown
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_casework_tabs_agree_with_the_schedule_and_follow_changes_to_stages_and_letters(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var store = new Caseload.Core.Features.Institutions.ReferenceData.Store(); // shared between views, as in the web app

        var (before, staffId) = await ProfileAsync(context, db, "T001", "S1001", store);
        var work = before!.Casework!;
        // Worked out from the plan and the summary the page read: the same as the 1:1 schedule's own query.
        var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, staffId))!);
        var schedule = await db.UseCase<Caseload.Core.Features.OneToOnes.GetOneToOneSchedule>(context).HandleAsync(scope, Today, [before.Header.Id]);
        Assert.Equal(Assert.Single(schedule), work.Schedule);
        Assert.Equal("Stage 2", work.Stages.Single(s => s.Number == 2).Name);

        // Stages and letters are cached with the reference data: a change saved through the app's own context (which
        // raises the data version) shows on the next view.
        var letter = work.Letters[0];
        var admin = (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == "T006").Select(s => s.Id).SingleAsync()))!;
        await db.RunAsync(async services =>
        {
            var app = services.GetRequiredService<CaseloadDbContext>();
            await Caseload.Core.Features.Cases.SetStage.HandleAsync(app, institution, 2, "Stage 2: senior tutor meeting", null, null, null);
            await new Caseload.Core.Features.Letters.SaveLetterTemplate(app, db.Clock, new AuditActor { Name = "staff:admin" })
                .HandleAsync(admin, letter.Key, "Our own wording", letter.Body, letter.Version);
            return 0;
        });
        // The next view is a new request, with a context of its own (a context reuses the version it read for a moment).
        await using var next = db.NewContext();
        var (after, _) = await ProfileAsync(next, db, "T001", "S1001", store);
        Assert.Equal("Stage 2: senior tutor meeting", after!.Casework!.Stages.Single(s => s.Number == 2).Name);
        Assert.Equal("Our own wording", after.Casework.Letters.Single(l => l.Key == letter.Key).Name);
    }

    private static async Task<(GetStudentProfile.Profile?, int)> ProfileAsync(CaseloadDbContext context, TestDatabase db, string staff, string student,
        Caseload.Core.Features.Institutions.ReferenceData.Store? store = null)
    {
        var staffId = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        var studentId = await context.Students.Where(s => s.ExternalId == student).Select(s => s.Id).SingleAsync();
        var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, staffId))!);
        return (await new GetStudentProfile(context, db.Clock, new Caseload.Core.Features.Institutions.ReferenceData(context, store ?? new Caseload.Core.Features.Institutions.ReferenceData.Store()),
            new Caseload.Core.Features.Referrals.ReferralAccess(context, db.Clock, new AuditActor()), new ReadContexts(db.Selection)).HandleAsync(scope, studentId, Today), staffId);
    }
}

using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.References;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.References;

/// <summary>
/// A UCAS reference on both databases, on the sample school (today 23 November 2026): the tutor asks three subject
/// teachers for contributions, each sees only their own and gives a predicted grade on the course's scale, the tutor signs
/// the predictions off and drafts within 4,000 characters (section 1 included), the senior tutor checks and releases.
/// </summary>
public sealed class ReferenceTests
{
    private const string Statement = "Riverside is a sixth-form college of 1,200 students in a town where one in three families lives on a low income.";

    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    private static string Enrolments(string biologyTeacher) => $"""
        student_id,course_code,course_name,qualification,grade_scale,target_grade,teacher_staff_id,start_date
        S1001,ALMAT,Mathematics,A level,A-LEVEL,B,T003,2026-09-07
        S1001,ALPSY,Psychology,A level,A-LEVEL,B,T030,2026-09-07
        S1001,ALBIO,Biology,A level,A-LEVEL,B,{biologyTeacher},2026-09-07

        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Three_teachers_contribute_the_tutor_drafts_within_the_limit_and_the_senior_tutor_releases(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.True((await db.ImportTextAsync(institution, "staff", "staff_id,first_name,last_name,email,roles\nT030,Sam,Lowe,sam.lowe@school.example,subject-teacher\nT031,Ada,Birch,ada.birch@school.example,subject-teacher\n")).Succeeded);
        Assert.True((await db.ImportTextAsync(institution, "enrolments", Enrolments("T031"))).Succeeded);
        await using var context = db.NewContext();
        var tutor = await ScopeAsync(context, "T001");
        var senior = await ScopeAsync(context, "T002");
        var maths = await ScopeAsync(context, "T003");
        var psychology = await ScopeAsync(context, "T030");
        var biology = await ScopeAsync(context, "T031");
        var leader = await ScopeAsync(context, "T004");
        var s1001 = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();

        // The senior tutor sets up the cycle with the centre's statement (section 1); a tutor may not.
        await Assert.ThrowsAsync<NotFoundException>(() => db.UseCase<ReferenceCycles>(context).SaveAsync(tutor.Viewer, null, 0, "2027 entry", new(2026, 10, 15), new(2027, 1, 13), Statement));
        Assert.Equal("the early deadline 13 January 2027 is not before the main one 15 October 2026; expected 15 October before the January date", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<ReferenceCycles>(context, "staff:T002").SaveAsync(senior.Viewer, null, 0, "2027 entry", new(2027, 1, 13), new(2026, 10, 15), Statement))).Message);
        var cycle = await db.UseCase<ReferenceCycles>(context, "staff:T002").SaveAsync(senior.Viewer, null, 0, "2027 entry", new(2026, 10, 15), new(2027, 1, 13), Statement);

        // The tutor starts the application and asks the three teachers; a progress leader does not write references.
        var application = (await db.UseCase<StartApplication>(context, "staff:T001").HandleAsync(tutor, s1001, cycle.Id, ApplicationRoute.UcasUndergraduate, earlyDeadline: false))!;
        Assert.Equal("the student already has an application for 2027 entry; expected one a cycle", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<StartApplication>(context, "staff:T001").HandleAsync(tutor, s1001, cycle.Id, ApplicationRoute.Apprenticeship, earlyDeadline: false))).Message);
        await Assert.ThrowsAsync<NotFoundException>(() => db.UseCase<StartApplication>(context).HandleAsync(leader, s1001, cycle.Id, ApplicationRoute.UcasUndergraduate, false));
        Assert.Equal("the contributions are due on 23 January 2027; expected a date from today to 60 days ahead", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<RequestContributions>(context, "staff:T001").HandleAsync(tutor, application.Id, 0, new(2027, 1, 23)))).Message);
        Assert.Equal(3, await db.UseCase<RequestContributions>(context, "staff:T001").HandleAsync(tutor, application.Id, 0, new(2026, 11, 27)));

        // Each teacher has a task in their inbox and sees only their own contribution; nobody else reads the application.
        var byTeacher = (await context.Contributions.AsNoTracking().Join(context.Staff, c => c.TeacherStaffId, s => s.Id, (c, s) => new { s.ExternalId, c.Id }).ToListAsync())
            .ToDictionary(x => x.ExternalId, x => x.Id);
        Assert.Contains((await db.UseCase<GetInbox>(context).HandleAsync(maths, db.Clock.Today())).Items,
            i => i.Kind == GetInbox.Kind.ContributionDue && i.Link == $"/references/contributions/{byTeacher["T003"]}" && i.Student == "Amira Hassan");
        Assert.Null(await db.UseCase<WriteContribution>(context).GetAsync(psychology.Viewer, byTeacher["T003"]));
        Assert.Null(await db.UseCase<GetApplication>(context).HandleAsync(maths, application.Id));
        Assert.Null(await db.UseCase<GetApplication>(context).HandleAsync(leader, application.Id));
        var task = (await db.UseCase<WriteContribution>(context).GetAsync(maths.Viewer, byTeacher["T003"]))!;
        Assert.Equal(("Amira Hassan", "Mathematics", "B", "A*, A, B, C, D, E, U"), (task.Student, task.Course, task.Target, string.Join(", ", task.Grades)));

        // Refused: a grade off the scale; more than the budget. Then the three write (Biology's after a change of teacher and back).
        var write = db.UseCase<WriteContribution>(context, "staff:T003");
        Assert.Equal("predicted grade 'Z' is not on the course's scale; expected one of A*, A, B, C, D, E, U", (await Assert.ThrowsAsync<ValidationException>(() =>
            write.HandleAsync(maths.Viewer, byTeacher["T003"], 0, "Strong.", "Z"))).Message);
        Assert.Equal("your contribution is 1001 characters; expected at most 1000", (await Assert.ThrowsAsync<ValidationException>(() =>
            write.HandleAsync(maths.Viewer, byTeacher["T003"], 0, new string('x', 1001), "A"))).Message);
        Assert.True(await write.HandleAsync(maths.Viewer, byTeacher["T003"], 0, "Amira is one of the strongest mathematicians in her year.", "a"));
        Assert.True(await db.UseCase<WriteContribution>(context, "staff:T030").HandleAsync(psychology.Viewer, byTeacher["T030"], 0, "Thoughtful in discussion; her essays improve steadily.", "B"));
        Assert.True((await db.ImportTextAsync(institution, "enrolments", Enrolments("T003"))).Succeeded);
        Assert.Equal("you no longer teach this student Biology; expected a contribution from their teacher", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<WriteContribution>(context, "staff:T031").HandleAsync(biology.Viewer, byTeacher["T031"], 0, "Practical work is careful.", "C"))).Message);
        Assert.Equal(ReferenceStatus.Requested, (await context.Applications.AsNoTracking().SingleAsync()).Status);
        Assert.Equal("no predicted grade yet for Biology; expected every teacher's prediction first", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<DraftReference>(context, "staff:T001").SignOffPredictionsAsync(tutor, application.Id, 1))).Message);
        Assert.True((await db.ImportTextAsync(institution, "enrolments", Enrolments("T031"))).Succeeded);
        Assert.True(await db.UseCase<WriteContribution>(context, "staff:T031").HandleAsync(biology.Viewer, byTeacher["T031"], 0, "Practical work is careful.", "C"));
        Assert.Equal(ReferenceStatus.ContributionsIn, (await context.Applications.AsNoTracking().SingleAsync()).Status);
        Assert.Contains((await db.UseCase<GetInbox>(context).HandleAsync(tutor, db.Clock.Today())).Items, i => i.Kind == GetInbox.Kind.ReferenceToDraft);

        // The predicted grades come from the teachers.
        var view = (await db.UseCase<GetApplication>(context).HandleAsync(tutor, application.Id))!;
        Assert.Equal([("Biology", "C", "Ada Birch"), ("Mathematics", "A", "Aisha Rahman"), ("Psychology", "B", "Sam Lowe")], view.Courses.Select(c => (c.Name, c.Predicted!, c.Teacher!)));
        Assert.Equal(Statement.Length, view.Length);

        // The draft: over 4,000 with section 1 refused (nothing saved); "ready" needs the predictions signed off.
        var draft = db.UseCase<DraftReference>(context, "staff:T001");
        var over = new string('a', Application.ReferenceLength - Statement.Length + 1);
        Assert.Equal("the reference is 4,001 characters with the centre's statement; expected at most 4,000, spaces and line breaks included — 1 too many", (await Assert.ThrowsAsync<ValidationException>(() =>
            draft.HandleAsync(tutor, application.Id, 2, null, over, ready: false))).Message);
        var supportive = "Amira is an able mathematician.\r\nShe cares for her grandmother after school.";
        Assert.Equal("sign off the predicted grades before sending the reference to be checked", (await Assert.ThrowsAsync<ValidationException>(() =>
            draft.HandleAsync(tutor, application.Id, 2, null, supportive, ready: true))).Message);
        Assert.True(await draft.SignOffPredictionsAsync(tutor, application.Id, 2));
        Assert.True(await draft.HandleAsync(tutor, application.Id, 3, null, supportive, ready: true));
        var drafted = await context.Applications.AsNoTracking().SingleAsync();
        Assert.Equal((ReferenceStatus.Drafted, "Amira is an able mathematician.\nShe cares for her grandmother after school."), (drafted.Status, drafted.Supportive));

        // The senior tutor checks, then releases; the tutor may not; release before check refused.
        Assert.Equal("only the student's senior tutor checks and releases their reference", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<CheckReference>(context, "staff:T001").HandleAsync(tutor, application.Id, 4, CheckReference.Step.Check))).Message);
        Assert.Contains((await db.UseCase<GetInbox>(context).HandleAsync(senior, db.Clock.Today())).Items, i => i.Kind == GetInbox.Kind.ReferenceToCheck && i.Text == "Reference drafted: check it");
        var check = db.UseCase<CheckReference>(context, "staff:T002");
        Assert.Equal("the reference is drafted, waiting to be checked; expected it checked before it is released", (await Assert.ThrowsAsync<ValidationException>(() =>
            check.HandleAsync(senior, application.Id, 4, CheckReference.Step.Release))).Message);
        Assert.True(await check.HandleAsync(senior, application.Id, 4, CheckReference.Step.Check));
        Assert.True(await check.HandleAsync(senior, application.Id, 5, CheckReference.Step.Release));
        Assert.Equal(ReferenceStatus.Released, (await context.Applications.AsNoTracking().SingleAsync()).Status);
        Assert.Equal("the reference is released; expected changes before it is checked", (await Assert.ThrowsAsync<ValidationException>(() =>
            draft.HandleAsync(tutor, application.Id, 6, null, "x", ready: false))).Message);
    }
}

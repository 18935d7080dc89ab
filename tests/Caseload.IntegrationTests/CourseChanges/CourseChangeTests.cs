using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.CourseChanges;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.CourseChanges;

/// <summary>
/// Course changes on both databases, on the sample school (today 23 November 2026): a request shows its effect, the
/// student's senior tutor or a senior leader decides (never the requester), an administrator actions it with the last
/// day of attendance, enrolments end with history, retention and the ILR withdrawals file follow.
/// </summary>
public sealed class CourseChangeTests
{
    private const string Enrolments = """
        student_id,course_code,course_name,qualification,grade_scale,target_grade,teacher_staff_id,start_date,teaching_group,planned_hours
        S1001,ALMAT,Mathematics,A level,A-LEVEL,B,T003,2026-09-07,12MAT1,180
        S1001,ALPSY,Psychology,A level,A-LEVEL,B,,2026-09-07,,180
        S1001,ALBIO,Biology,A level,A-LEVEL,B,,2026-09-07,,180
        S1002,ALCHE,Chemistry,A level,A-LEVEL,C,,2026-09-07,,180

        """;

    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    private static async Task<(TestDatabase Db, int Institution)> SamplesAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.True((await db.ImportTextAsync(institution, "enrolments", Enrolments)).Succeeded);
        // S1001 was last in on Friday 20 November (and on the Monday before).
        Assert.True((await db.ImportTextAsync(institution, "attendance", "student_id,date,session,code,minutes_late\nS1001,2026-11-16,AM,/,\nS1001,2026-11-20,AM,/,\n")).Succeeded);
        return (db, institution);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_drop_is_authorised_by_the_senior_tutor_never_its_requester_then_actioned_on_the_last_day_of_attendance(string provider)
    {
        var (db, institution) = await SamplesAsync(provider);
        await using var _db = db;
        await using var context = db.NewContext();
        var tutor = await ScopeAsync(context, "T001");     // 12A's tutor
        var senior = await ScopeAsync(context, "T002");    // leads T001's team
        var teacher = await ScopeAsync(context, "T003");
        var admin = await ScopeAsync(context, "T006");
        var seniorLeader = await ScopeAsync(context, "T021");
        var s1001 = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var reasons = await db.UseCase<ChangeReasons>(context).ListAsync(institution, activeOnly: true);
        var personal = reasons.Single(r => r.Name == "Other personal reasons");
        Assert.Equal(44, personal.IlrCode);
        RequestCourseChange Request(string actor) => db.UseCase<RequestCourseChange>(context, actor);

        // Refused, nothing written: a subject teacher may not request; a course the student does not study; no reason; no words.
        var before = await db.CountsAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Request("staff:T003").HandleAsync(teacher, new(s1001, CourseChangeKind.Drop, "ALPSY", null, personal.Id, "x")));
        Assert.Equal("Amira Hassan is not studying 'ALCHE'; expected one of their courses: ALBIO, ALMAT, ALPSY", (await Assert.ThrowsAsync<ValidationException>(() =>
            Request("staff:T001").HandleAsync(tutor, new(s1001, CourseChangeKind.Drop, "ALCHE", null, personal.Id, "x")))).Message);
        Assert.Equal("choose the reason from the list", (await Assert.ThrowsAsync<ValidationException>(() =>
            Request("staff:T001").HandleAsync(tutor, new(s1001, CourseChangeKind.Drop, "ALPSY", null, 0, "x")))).Message);
        Assert.Equal("write what led to the request", (await Assert.ThrowsAsync<ValidationException>(() =>
            Request("staff:T001").HandleAsync(tutor, new(s1001, CourseChangeKind.Drop, "ALPSY", null, personal.Id, " ")))).Message);
        Assert.Equal(before, await db.CountsAsync());

        // The effect before anything is decided: 7 Sep + 41 = 18 Oct is long past (today is day 78), so Psychology's hours
        // still count this year, though 360 are planned from the change.
        var effect = (await Request("staff:T001").PreviewAsync(tutor, new(s1001, CourseChangeKind.Drop, "ALPSY", null, personal.Id, null)))!;
        Assert.Equal((540, 360, 540, "Band 5 (full time, 540+ hours)"), (effect.PlannedBefore, effect.PlannedAfter, effect.FundedAfter, effect.BandAfter));
        Assert.Contains("Psychology: day 78, past day 42, so its 180 planned hours still count this year.", effect.Warnings);

        var change = (await Request("staff:T001").HandleAsync(tutor, new(s1001, CourseChangeKind.Drop, "ALPSY", null, personal.Id,
            "Working 20 hours a week; Psychology attendance 60% since half term", "Wants to keep Maths and Biology", "Agree")))!;
        Assert.Equal(CourseChangeStatus.Requested, change.Status);
        Assert.Equal("the same change was requested on 23 November 2026 and has not been decided or actioned yet; expected one request at a time", (await Assert.ThrowsAsync<ValidationException>(() =>
            Request("staff:T001").HandleAsync(tutor, new(s1001, CourseChangeKind.Drop, "ALPSY", null, personal.Id, "again")))).Message);

        // It waits in the senior tutor's inbox (not the senior leaders': the student has a senior tutor). The subject teacher cannot see it.
        Assert.Contains((await db.UseCase<GetInbox>(context).HandleAsync(senior, db.Clock.Today())).Items,
            i => i.Kind == GetInbox.Kind.CourseChangeToAuthorise && i.Link == $"/course-changes/{change.Id}" && i.Text == "To authorise: Drop Psychology");
        Assert.DoesNotContain((await db.UseCase<GetInbox>(context).HandleAsync(seniorLeader, db.Clock.Today())).Items, i => i.Kind == GetInbox.Kind.CourseChangeToAuthorise);
        Assert.Null(await db.UseCase<GetCourseChange>(context).HandleAsync(teacher, change.Id));

        // The requester cannot authorise; nor can an administrator action it before it is authorised.
        var decide = db.UseCase<DecideCourseChange>(context, "staff:T001");
        Assert.Equal("only the student's senior tutor or a senior leader can authorise a course change", (await Assert.ThrowsAsync<ValidationException>(() =>
            decide.HandleAsync(tutor, change.Id, 0, authorise: true, null))).Message);
        var action = db.UseCase<ActionCourseChange>(context, "staff:T006");
        Assert.Equal("this change has not been authorised yet; expected the senior tutor's authorisation before it is actioned", (await Assert.ThrowsAsync<ValidationException>(() =>
            action.HandleAsync(admin, change.Id, 0, new DateOnly(2026, 11, 20), confirmed: false))).Message);

        // A senior tutor who asks for a change is not the one who authorises it: a senior leader does.
        var own = (await Request("staff:T002").HandleAsync(senior, new(s1001, CourseChangeKind.Drop, "ALBIO", null, personal.Id, "Asked to drop Biology")))!;
        Assert.Equal("you requested this change, so someone else must authorise it (the student's senior tutor or a senior leader)", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<DecideCourseChange>(context, "staff:T002").HandleAsync(senior, own.Id, 0, authorise: true, null))).Message);
        Assert.Contains((await db.UseCase<GetInbox>(context).HandleAsync(seniorLeader, db.Clock.Today())).Items, i => i.Kind == GetInbox.Kind.CourseChangeToAuthorise && i.Text == "To authorise: Drop Biology");
        Assert.Equal("why it is refused", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<DecideCourseChange>(context, "staff:T021").HandleAsync(seniorLeader, own.Id, 0, authorise: false, null))).Message[6..]);
        Assert.True(await db.UseCase<DecideCourseChange>(context, "staff:T021").HandleAsync(seniorLeader, own.Id, 0, authorise: false, "Biology is needed for her nursing application"));

        // The senior tutor authorises; a second decision made from the same old copy is refused as a lost race.
        Assert.True(await db.UseCase<DecideCourseChange>(context, "staff:T002").HandleAsync(senior, change.Id, 0, authorise: true, "Agreed with Amira and her mum"));
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => db.UseCase<DecideCourseChange>(context, "staff:T002").HandleAsync(senior, change.Id, 0, authorise: false, "no"));
        Assert.Contains("Daniel Kowalski", stale.Message, StringComparison.Ordinal);
        Assert.Contains((await db.UseCase<GetInbox>(context).HandleAsync(admin, db.Clock.Today())).Items, i => i.Kind == GetInbox.Kind.CourseChangeToAction && i.Text == "Authorised, to action: Drop Psychology");
        var tutorInbox = (await db.UseCase<GetInbox>(context).HandleAsync(tutor, db.Clock.Today())).Items;
        Assert.Contains(tutorInbox, i => i.Kind == GetInbox.Kind.CourseChangeDecided && i.Text == "Authorised: Drop Psychology");

        // The date: the last day of attendance. Refused: after today; before the course began; with presence after it unless confirmed.
        Assert.Equal(new DateOnly(2026, 11, 20), await action.LastPresentAsync(institution, s1001));
        Assert.Equal("the last day on the course is 24 November 2026, after today; expected the last day of attendance, today or before", (await Assert.ThrowsAsync<ValidationException>(() =>
            action.HandleAsync(admin, change.Id, 1, new DateOnly(2026, 11, 24), confirmed: false))).Message);
        Assert.Equal("the last day on the course is 1 September 2026, before Psychology began on 7 September 2026; expected a date on or after the start", (await Assert.ThrowsAsync<ValidationException>(() =>
            action.HandleAsync(admin, change.Id, 1, new DateOnly(2026, 9, 1), confirmed: false))).Message);
        Assert.Equal("registers show the student present on 2 days after 13 November 2026 (the last on 20 November 2026); the date should be the last day of attendance — choose that date, or confirm this one",
            (await Assert.ThrowsAsync<ValidationException>(() => action.HandleAsync(admin, change.Id, 1, new DateOnly(2026, 11, 13), confirmed: false))).Message);
        Assert.Equal(CourseChangeStatus.Authorised, (await context.CourseChanges.AsNoTracking().SingleAsync(c => c.Id == change.Id)).Status);
        Assert.True(await action.HandleAsync(admin, change.Id, 1, new DateOnly(2026, 11, 20), confirmed: false));

        var psychology = await context.Enrolments.AsNoTracking().SingleAsync(e => e.StudentId == s1001 && e.Course!.Code == "ALPSY");
        Assert.Equal((EnrolmentStatus.Withdrawn, new DateOnly(2026, 11, 20), 44, "Other personal reasons"), (psychology.Status, psychology.EndDate, psychology.EndReasonCode, psychology.EndReason));
        var done = (await db.UseCase<GetCourseChange>(context).HandleAsync(tutor, change.Id))!;
        Assert.Equal((CourseChangeStatus.Actioned, new DateOnly(2026, 11, 20), "Priya Desai"), (done.Change.Status, done.Change.EffectiveOn, done.Name(done.Change.ActionedByStaffId)));

        // Retention: Psychology is S1001 (withdrawn) and S1005 (still on it): 1 of 2, 50%. The whole school keeps its 5 students.
        var retention = await db.UseCase<GetRetention>(context).HandleAsync(admin);
        Assert.Equal(new GetRetention.Row("Psychology", 2, 1, 1, 0, 0), retention.Courses.Single(r => r.Name == "Psychology"));
        Assert.Equal(50.0m, retention.Courses.Single(r => r.Name == "Psychology").Rate);
        Assert.Equal(new GetRetention.Row("All your students", 5, 5, 0, 0, 0), retention.All);
        Assert.Equal([("Other personal reasons", 1)], retention.Reasons);

        // The ILR-friendly file.
        var file = new StringWriter();
        Assert.Equal(1, await db.UseCase<ExportWithdrawals>(context).WriteAsync(institution, new DateOnly(2026, 8, 1), new DateOnly(2026, 11, 23), file));
        Assert.Equal(
            "student_id,uln,course_code,qualification,start_date,end_date,completion_status,outcome,withdraw_reason,reason\r\n" +
            "S1001,1234567890,ALPSY,A level,2026-09-07,2026-11-20,3,3,44,Other personal reasons\r\n", file.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_swap_is_a_transfer_and_a_withdrawal_takes_the_student_off_roll(string provider)
    {
        var (db, institution) = await SamplesAsync(provider);
        await using var _db = db;
        await using var context = db.NewContext();
        var tutor = await ScopeAsync(context, "T001");
        var senior = await ScopeAsync(context, "T002");
        var admin = await ScopeAsync(context, "T006");
        var students = await context.Students.ToDictionaryAsync(s => s.ExternalId, s => s.Id);
        var reasons = (await db.UseCase<ChangeReasons>(context).ListAsync(institution, activeOnly: true)).ToDictionary(r => r.Name, r => r.Id);
        var teacherBefore = await (await ScopeAsync(context, "T003")).Visible(context).Select(s => s.ExternalId).OrderBy(s => s).ToListAsync();
        Assert.Equal(["S1001", "S1002", "S1003"], teacherBefore); // T003 teaches them Mathematics

        // Swap Mathematics for Chemistry: requested, authorised, actioned on 20 November; Chemistry starts the next day.
        var swap = (await db.UseCase<RequestCourseChange>(context, "staff:T001").HandleAsync(tutor,
            new(students["S1001"], CourseChangeKind.Swap, "almat", "ALCHE", reasons["Changed course at this college"], "Prefers Chemistry")))!;
        Assert.True(await db.UseCase<DecideCourseChange>(context, "staff:T002").HandleAsync(senior, swap.Id, 0, authorise: true, null));
        Assert.True(await db.UseCase<ActionCourseChange>(context, "staff:T006").HandleAsync(admin, swap.Id, 1, new DateOnly(2026, 11, 20), confirmed: false));
        var s1001 = await context.Enrolments.AsNoTracking().Include(e => e.Course).Where(e => e.StudentId == students["S1001"]).ToDictionaryAsync(e => e.Course!.Code, e => e);
        Assert.Equal((EnrolmentStatus.Transferred, 40), (s1001["ALMAT"].Status, s1001["ALMAT"].EndReasonCode));
        Assert.Equal((EnrolmentStatus.Active, new DateOnly(2026, 11, 21), (DateOnly?)null), (s1001["ALCHE"].Status, s1001["ALCHE"].StartDate, s1001["ALCHE"].EndDate));
        // Her Mathematics teacher no longer sees her.
        Assert.Equal(["S1002", "S1003"], await (await ScopeAsync(context, "T003")).Visible(context).Select(s => s.ExternalId).OrderBy(s => s).ToListAsync());

        // A withdrawal from the college: every course ends and the student goes off roll; no further requests.
        var withdraw = (await db.UseCase<RequestCourseChange>(context, "staff:T001").HandleAsync(tutor,
            new(students["S1003"], CourseChangeKind.Withdraw, null, null, reasons["Moved to another school or college"], "Family moving to Leeds")))!;
        Assert.True(await db.UseCase<DecideCourseChange>(context, "staff:T002").HandleAsync(senior, withdraw.Id, 0, authorise: true, null));
        Assert.True(await db.UseCase<ActionCourseChange>(context, "staff:T006").HandleAsync(admin, withdraw.Id, 1, new DateOnly(2026, 11, 20), confirmed: false));
        var s1003 = await context.Students.AsNoTracking().SingleAsync(s => s.Id == students["S1003"]);
        Assert.Equal((false, new DateOnly(2026, 11, 20), "Moved to another school or college"), (s1003.OnRoll, s1003.LeftOn, s1003.LeavingReason));
        Assert.All(await context.Enrolments.AsNoTracking().Where(e => e.StudentId == s1003.Id).ToListAsync(), e => Assert.Equal(EnrolmentStatus.Withdrawn, e.Status));
        Assert.Equal("Chidi Eze is not on roll (left on 20 November 2026); expected a student on roll", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<RequestCourseChange>(context, "staff:T001").HandleAsync(tutor, new(s1003.Id, CourseChangeKind.Add, null, "ALPSY", reasons["Other"], "x")))).Message);

        // Retention. Mathematics: S1001 transferred, S1002 retained, S1003 withdrawn → 1 ÷ (3 − 1) = 50%. The school: 4 of 5.
        var retention = await db.UseCase<GetRetention>(context).HandleAsync(admin);
        Assert.Equal(new GetRetention.Row("Mathematics", 3, 1, 1, 1, 0), retention.Courses.Single(r => r.Name == "Mathematics"));
        Assert.Equal(50.0m, retention.Courses.Single(r => r.Name == "Mathematics").Rate);
        Assert.Equal((5, 4, 1, 80.0m), (retention.All.Started, retention.All.Retained, retention.All.Withdrawn, retention.All.Rate));
        Assert.Equal(new GetRetention.Row("12A", 3, 2, 1, 0, 0), retention.TutorGroups.Single(r => r.Name == "12A"));
        Assert.Equal([("Moved to another school or college", 1)], retention.Reasons);
        // The tutor sees the same figures for their own group.
        Assert.Equal(new GetRetention.Row("12A", 3, 2, 1, 0, 0), (await db.UseCase<GetRetention>(context).HandleAsync(tutor)).TutorGroups.Single());

        // The enrolments import does not undo a change the MIS has not caught up with, and takes planned hours and the condition of funding.
        Assert.True((await db.ImportTextAsync(institution, "enrolments",
            "student_id,course_code,course_name,qualification,grade_scale,target_grade,teacher_staff_id,start_date,teaching_group,planned_hours,condition_of_funding\n" +
            "S1001,ALMAT,Mathematics,A level,A-LEVEL,B,T003,2026-09-07,12MAT1,180,\nS1002,GCMA,GCSE Mathematics,GCSE,GCSE,4,,2026-09-07,,100,Maths\n")).Succeeded);
        var maths = await context.Enrolments.AsNoTracking().SingleAsync(e => e.StudentId == students["S1001"] && e.Course!.Code == "ALMAT");
        Assert.Equal((EnrolmentStatus.Transferred, new DateOnly(2026, 11, 20)), (maths.Status, maths.EndDate));
        var gcse = await context.Courses.AsNoTracking().SingleAsync(c => c.Code == "GCMA");
        Assert.Equal((100, "maths"), (gcse.PlannedHours, gcse.ConditionSubject));
        var bad = await db.ImportTextAsync(institution, "enrolments",
            "student_id,course_code,course_name,qualification,grade_scale,planned_hours,condition_of_funding\nS1002,GCEN,GCSE English,GCSE,GCSE,lots,science\n", "enrolments.csv");
        Assert.False(bad.Succeeded);
        Assert.Equal([
            "enrolments.csv:2:6: planned_hours 'lots' is not a whole number of hours from 0 to 2000; expected the course's planned hours a year",
            "enrolments.csv:2:7: condition_of_funding 'science' is not maths or english; expected maths, english or nothing"], bad.Problems.Select(p => p.ToString()));
    }
}

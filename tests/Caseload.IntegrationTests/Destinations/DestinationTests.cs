using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Destinations;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.References;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Destinations;

/// <summary>
/// Progression on both databases, on the sample school: Amira (S1001) applies through UCAS, records her offers (the firm
/// one "AAB with an A in Mathematics", the insurance "ABB"), misses the firm offer on results day and her tutor follows up;
/// after leaving, her place at York is recorded and counts as sustained education once March is over.
/// </summary>
public sealed class DestinationTests
{
    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    private const string Enrolments = """
        student_id,course_code,course_name,qualification,grade_scale,target_grade,teacher_staff_id,start_date
        S1001,ALMAT,Mathematics,A level,A-LEVEL,B,T003,2026-09-07
        S1001,ALPSY,Psychology,A level,A-LEVEL,B,T003,2026-09-07
        S1001,ALBIO,Biology,A level,A-LEVEL,B,T003,2026-09-07

        """;

    private static RecordChoice.ConditionInput C(int? course, string grade) => new(course, grade);

    private static RecordChoice.Input Offer(string provider, string course, ChoiceStatus status, ChoiceReply reply, params RecordChoice.ConditionInput[] conditions) =>
        new(provider, course, null, status, reply, conditions, null);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Offers_results_day_and_a_sustained_destination(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.True((await db.ImportTextAsync(institution, "enrolments", Enrolments)).Succeeded);
        await using var context = db.NewContext();
        var tutor = await ScopeAsync(context, "T001");
        var senior = await ScopeAsync(context, "T002");
        var teacher = await ScopeAsync(context, "T003");
        var dsl = await ScopeAsync(context, "T005");
        var s1001 = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var course = await context.Courses.ToDictionaryAsync(c => c.Code, c => c.Id);

        var cycle = await db.UseCase<ReferenceCycles>(context, "staff:T002").SaveAsync(senior.Viewer, null, 0, "2027 entry", new(2026, 10, 15), new(2027, 1, 13), null);
        var application = (await db.UseCase<StartApplication>(context, "staff:T001").HandleAsync(tutor, s1001, cycle.Id, ApplicationRoute.UcasUndergraduate, earlyDeadline: false))!;
        var record = db.UseCase<RecordChoice>(context, "staff:T001");

        // Refused, nothing saved: a reply to a choice that is not an offer; a grade off the course's scale; conditions on an
        // unconditional offer; a condition in a course she does not take.
        Assert.Equal("only an offer can be the firm choice; this one is applied", (await Assert.ThrowsAsync<ValidationException>(() =>
            record.HandleAsync(tutor, application.Id, null, 0, Offer("University of Leeds", "Law", ChoiceStatus.Applied, ChoiceReply.Firm)))).Message);
        Assert.Equal("'9' is not a grade in Mathematics; expected one of A*, A, B, C, D, E, U", (await Assert.ThrowsAsync<ValidationException>(() =>
            record.HandleAsync(tutor, application.Id, null, 0, Offer("University of Leeds", "Law", ChoiceStatus.ConditionalOffer, ChoiceReply.Firm, C(course["ALMAT"], "9"))))).Message);
        Assert.Equal("grade conditions belong to a conditional offer; expected none for this status", (await Assert.ThrowsAsync<ValidationException>(() =>
            record.HandleAsync(tutor, application.Id, null, 0, Offer("University of Leeds", "Law", ChoiceStatus.UnconditionalOffer, ChoiceReply.Firm, C(null, "A"))))).Message);
        var other = await context.Courses.Where(c => c.Code != "ALMAT" && c.Code != "ALPSY" && c.Code != "ALBIO").Select(c => c.Id).FirstAsync();
        Assert.Equal("a condition names a course the student does not take; expected one of their courses or any subject", (await Assert.ThrowsAsync<ValidationException>(() =>
            record.HandleAsync(tutor, application.Id, null, 0, Offer("University of Leeds", "Law", ChoiceStatus.ConditionalOffer, ChoiceReply.Firm, C(other, "A"))))).Message);
        Assert.Equal(0, await context.ApplicationChoices.CountAsync());

        // Her choices: Leeds firm (AAB with an A in Mathematics), York insurance (ABB), Durham still waiting.
        var leeds = await record.HandleAsync(tutor, application.Id, null, 0, Offer("University of Leeds", "Law", ChoiceStatus.ConditionalOffer, ChoiceReply.Firm,
            C(course["ALMAT"], "a"), C(null, "A"), C(null, "B")));
        Assert.Equal(["A", "A", "B"], leeds.Conditions.Select(c => c.Grade)); // stored as the scale writes it
        var york = await record.HandleAsync(tutor, application.Id, null, 0, Offer("University of York", "Law", ChoiceStatus.ConditionalOffer, ChoiceReply.Insurance,
            C(null, "A"), C(null, "B"), C(null, "B")));
        await record.HandleAsync(tutor, application.Id, null, 0, Offer("Durham University", "Law", ChoiceStatus.Applied, ChoiceReply.None));
        Assert.Equal("University of Leeds is already the firm choice; expected one firm choice an application — change that one first", (await Assert.ThrowsAsync<ValidationException>(() =>
            record.HandleAsync(tutor, application.Id, null, 0, Offer("Newcastle University", "Law", ChoiceStatus.ConditionalOffer, ChoiceReply.Firm)))).Message);
        // A stale edit loses, and says to whom.
        var seen = leeds.Version;
        await record.HandleAsync(tutor, application.Id, leeds.Id, seen, Offer("University of Leeds", "Law (LLB)", ChoiceStatus.ConditionalOffer, ChoiceReply.Firm,
            C(course["ALMAT"], "A"), C(null, "A"), C(null, "B")));
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => db.UseCase<RecordChoice>(db.NewContext(), "staff:T001")
            .HandleAsync(tutor, application.Id, leeds.Id, seen, Offer("University of Leeds", "Law", ChoiceStatus.Declined, ChoiceReply.None)));
        Assert.StartsWith("this choice was changed by Grace Okafor at 08:30 on 23 Nov after you opened it", stale.Message, StringComparison.Ordinal);

        // The intended destination is the firm choice; her senior tutor sees it too; a subject teacher and the DSL do not.
        var page = (await db.UseCase<GetProgression>(context).HandleAsync(senior, s1001))!;
        Assert.Equal("Law (LLB), University of Leeds (firm choice)", page.Intended);
        Assert.Equal(SustainedDestination.Outcome.NotYetKnown, page.Sustained.Outcome);
        Assert.Equal("A in Mathematics, AB in other subjects", page.Applications[0].Choices.Single(c => c.Entity.Reply == ChoiceReply.Firm).Conditions);
        await Assert.ThrowsAsync<NotFoundException>(() => db.UseCase<GetProgression>(context).HandleAsync(teacher, s1001));
        await Assert.ThrowsAsync<NotFoundException>(() => db.UseCase<GetProgression>(context).HandleAsync(dsl, s1001));
        await Assert.ThrowsAsync<NotFoundException>(() => db.UseCase<RecordChoice>(context).HandleAsync(teacher, application.Id, null, 0, Offer("X", "Y", ChoiceStatus.Applied, ChoiceReply.None)));

        // Before results: awaiting.
        var before = (await db.UseCase<GetResultsDay>(context).HandleAsync(tutor, null))!;
        Assert.Null(before.ResultsPoint);
        Assert.Equal(GetResultsDay.Standing.AwaitingResults, before.Rows.Single().Standing);

        // Results day, 12 August 2027: Mathematics B, Psychology A, Biology A. Leeds needed an A in maths: missed. York's
        // ABB: met (A, A, B). She is first on the list, to follow up.
        db.Clock.Now = new DateTimeOffset(2027, 8, 12, 8, 0, 0, TimeSpan.Zero);
        Assert.True((await db.ImportTextAsync(institution, "grades", """
            student_id,course_code,data_point,grade,date
            S1001,ALMAT,Results 2027,B,2027-08-12
            S1001,ALPSY,Results 2027,A,2027-08-12
            S1001,ALBIO,Results 2027,A,2027-08-12

            """)).Succeeded);
        var results = (await db.UseCase<GetResultsDay>(context).HandleAsync(tutor, cycle.Id))!;
        Assert.Equal("Results 2027", results.ResultsPoint!.Name);
        var row = results.Rows.Single();
        Assert.Equal((GetResultsDay.Standing.Missed, OfferConditions.Verdict.Met), (row.Standing, row.Insurance!.Verdict));
        Assert.Equal(["A in Mathematics: B — missed", "A in any other subject: Psychology A — met", "B in any other subject: Biology A — met"], row.Firm!.Lines);
        Assert.Null(row.Latest);
        Assert.Equal([s1001], (await db.UseCase<GetResultsDay>(context).HandleAsync(senior, cycle.Id))!.Rows.Select(r => r.StudentId));

        // Her tutor's inbox says so until someone follows up.
        var task = Assert.Single((await db.UseCase<GetInbox>(context).HandleAsync(tutor, db.Clock.Today())).Items, i => i.Kind == GetInbox.Kind.ResultsMissed);
        Assert.Equal(($"/students/{s1001}/progression#follow-up-{application.Id}", "Results day: missed the conditions of the firm offer from University of Leeds — follow up"), (task.Link, task.Text));

        Assert.Equal("write a note saying what was agreed", (await Assert.ThrowsAsync<ValidationException>(() =>
            db.UseCase<RecordFollowUp>(context, "staff:T001").HandleAsync(tutor, application.Id, FollowUpOutcome.Other, " "))).Message);
        await db.UseCase<RecordFollowUp>(context, "staff:T001").HandleAsync(tutor, application.Id, FollowUpOutcome.InsurancePlace, "York confirmed on UCAS Hub at 8:15; she is pleased.");
        row = (await db.UseCase<GetResultsDay>(context).HandleAsync(tutor, cycle.Id))!.Rows.Single();
        Assert.Equal(FollowUpOutcome.InsurancePlace, row.Latest!.Outcome);
        Assert.DoesNotContain((await db.UseCase<GetInbox>(context).HandleAsync(tutor, db.Clock.Today())).Items, i => i.Kind == GetInbox.Kind.ResultsMissed);

        // She leaves on 16 July 2027 and starts at York on 20 September: not yet known in December, sustained education in April.
        var student = await context.Students.SingleAsync(s => s.Id == s1001);
        (student.OnRoll, student.LeftOn) = (false, new DateOnly(2027, 7, 16));
        await context.SaveChangesAsync();
        var activities = db.UseCase<RecordActivity>(context, "staff:T001");
        Assert.Equal("the end 1 September 2027 is before the start 20 September 2027; expected the last day on or after the first", (await Assert.ThrowsAsync<ValidationException>(() =>
            activities.HandleAsync(tutor, s1001, null, 0, new RecordActivity.Input(DestinationKind.HigherEducation, "University of York", null, new(2027, 9, 20), new(2027, 9, 1))))).Message);
        Assert.Equal("the start 1 January 2030 is out of range; expected a date from 12 August 2021 to 12 August 2028", (await Assert.ThrowsAsync<ValidationException>(() =>
            activities.HandleAsync(tutor, s1001, null, 0, new RecordActivity.Input(DestinationKind.HigherEducation, "University of York", null, new(2030, 1, 1), null)))).Message);
        var york2 = await activities.HandleAsync(tutor, s1001, null, 0, new RecordActivity.Input(DestinationKind.HigherEducation, "University of York", "Law (LLB)", new(2027, 9, 20), null));

        db.Clock.Now = new DateTimeOffset(2027, 12, 10, 8, 0, 0, TimeSpan.Zero);
        var december = (await db.UseCase<GetProgression>(context).HandleAsync(tutor, s1001))!;
        Assert.Equal((SustainedDestination.Outcome.NotYetKnown, "not yet sustained; it still can be"), (december.Sustained.Outcome, december.Sustained.Why));

        db.Clock.Now = new DateTimeOffset(2028, 4, 20, 8, 0, 0, TimeSpan.Zero);
        var april = (await db.UseCase<GetProgression>(context).HandleAsync(tutor, s1001))!;
        Assert.Equal((SustainedDestination.Outcome.Education, "in education every month from October 2027 to March 2028"), (april.Sustained.Outcome, april.Sustained.Why));
        var leavers = await db.UseCase<ListDestinations>(context).HandleAsync(senior, 2026);
        Assert.Equal(("2026/27", 1, 1), (leavers.YearName, leavers.Rows.Count, leavers.Count(SustainedDestination.Outcome.Education)));
        Assert.Equal(("Law (LLB), University of Leeds", DestinationKind.HigherEducation), (leavers.Rows[0].Intended, leavers.Rows[0].Now));

        // Had she left York in February, it would not have been sustained: the edit is versioned like the rest.
        var yorkSeen = york2.Version;
        await activities.HandleAsync(tutor, s1001, york2.Id, yorkSeen, new RecordActivity.Input(DestinationKind.HigherEducation, "University of York", "Law (LLB)", new(2027, 9, 20), new(2028, 2, 9)));
        await Assert.ThrowsAsync<ConcurrencyException>(() => db.UseCase<RecordActivity>(db.NewContext(), "staff:T001")
            .HandleAsync(tutor, s1001, york2.Id, yorkSeen, new RecordActivity.Input(DestinationKind.Employment, null, null, new(2027, 9, 20), null)));
        db.Clock.Now = new DateTimeOffset(2028, 8, 15, 8, 0, 0, TimeSpan.Zero);
        var after = (await db.UseCase<GetProgression>(context).HandleAsync(tutor, s1001))!;
        Assert.Equal((SustainedDestination.Outcome.NotSustained, "no education, apprenticeship or work recorded in March 2028"), (after.Sustained.Outcome, after.Sustained.Why));

        // Follow-ups are kept, up to 30 an application; the 31st is refused.
        var follow = db.UseCase<RecordFollowUp>(context, "staff:T001");
        for (var i = 1; i < ResultsFollowUp.MaxPerApplication; i++)
        {
            await follow.HandleAsync(tutor, application.Id, FollowUpOutcome.Contacted, $"Call {i}");
        }
        Assert.Equal("the application has 30 follow-ups; expected at most 30", (await Assert.ThrowsAsync<ValidationException>(() =>
            follow.HandleAsync(tutor, application.Id, FollowUpOutcome.Contacted, "One more"))).Message);
    }
}

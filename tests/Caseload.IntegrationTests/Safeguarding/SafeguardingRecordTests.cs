using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Safeguarding;

/// <summary>The safeguarding record (decision 0014): a concern reported with when, where, the child's words and
/// categories; the designated lead's decision and reasons; the child's chronology in the order things happened.</summary>
public sealed class SafeguardingRecordTests
{
    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_teacher_reports_a_concern_and_the_lead_triages_it_in_the_childs_chronology_which_nobody_else_can_read(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var teacher = await ScopeAsync(context, "T003"); // teaches S1001 (Amira) Mathematics
        var lead = await ScopeAsync(context, "T005");    // the safeguarding lead
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var report = db.UseCase<ReportSafeguardingConcern>(context, "staff:T003");
        // Today is Monday 23 November 2026 (the test clock).
        ReportSafeguardingConcern.Request Concern(DateOnly? on, params string[] categories) => new(amira, Urgency.Urgent,
            "Bruise on the left forearm; said it happened at home.", on, new TimeOnly(10, 40), "Maths room B12", "Aisha Rahman only",
            "\"Dad grabbed me when I was late back.\"", "Quiet, pulled her sleeve down", categories);

        // Refused, and nothing written: no category, one not on the list, a date in the future, no date.
        var before = await db.CountsAsync();
        Assert.Equal("choose at least one category: what the concern is about",
            (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(teacher, Concern(new DateOnly(2026, 11, 23))))).Message);
        Assert.Contains("'Bad vibes' is not one of the categories",
            (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(teacher, Concern(new DateOnly(2026, 11, 23), "Bad vibes")))).Message);
        Assert.Contains("is in the future", (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(teacher, Concern(new DateOnly(2026, 11, 24), "Physical abuse")))).Message);
        Assert.Contains("give the date", (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(teacher, Concern(null, "Physical abuse")))).Message);
        Assert.Equal(before, await db.CountsAsync());

        // Reported today about Friday; a second concern (older, from the previous week) reported afterwards.
        var first = (await report.HandleAsync(teacher, Concern(new DateOnly(2026, 11, 20), "physical abuse", "Domestic abuse")))!;
        var second = (await report.HandleAsync(teacher, Concern(new DateOnly(2026, 11, 12), "Online safety")))!;
        Assert.True(first.Restricted);
        Assert.Equal(["Physical abuse", "Domestic abuse"], (await context.SafeguardingDetails.AsNoTracking().SingleAsync(d => d.ReferralId == first.Id)).CategoryList);

        // Nobody outside the safeguarding team reads the chronology: not the reporter, the tutor, the administrator,
        // the senior leader; and the lead of another institution's view of this student is "not found" too.
        foreach (var staff in new[] { "T003", "T001", "T006", "T021" })
        {
            Assert.Null(await db.UseCase<GetSafeguardingChronology>(context, $"staff:{staff}").HandleAsync(await ScopeAsync(context, staff), amira));
        }
        var reads = await context.AuditEvents.CountAsync(a => a.Action == AuditAction.Read && a.StudentId == amira);

        // The lead reads the chronology: both concerns in the order they happened (12th, then 20th), with their details.
        var chronology = (await db.UseCase<GetSafeguardingChronology>(context, "staff:T005").HandleAsync(lead, amira))!;
        Assert.Equal([second.Id, first.Id], chronology.Lines.Select(l => l.Concern!.ReferralId));
        var friday = chronology.Lines[1].Concern!;
        Assert.Equal((new DateOnly(2026, 11, 20), new TimeOnly(10, 40), "Maths room B12", "\"Dad grabbed me when I was late back.\"", "Aisha Rahman"),
            (friday.OccurredOn, friday.OccurredAt!.Value, friday.Place, friday.ChildsWords, friday.RaisedBy));
        Assert.Equal(2, chronology.Open);
        // Each concern shown is one audited read, restricted to the safeguarding team's view of the log.
        Assert.Equal(reads + 2, await context.AuditEvents.CountAsync(a => a.Action == AuditAction.Read && a.StudentId == amira && a.Restricted));

        // Triage: a decision needs its reasons; a referral to children's social care acknowledges and acts on it.
        var triage = db.UseCase<TriageConcern>(context, "staff:T005");
        Assert.Equal("write the reasons for the decision",
            (await Assert.ThrowsAsync<ValidationException>(() => triage.HandleAsync(lead, first.Id, friday.Version, SafeguardingDecision.ChildrensSocialCare, " "))).Message);
        Assert.False(await db.UseCase<TriageConcern>(context, "staff:T001").HandleAsync(await ScopeAsync(context, "T001"), first.Id, friday.Version, SafeguardingDecision.Monitor, "x"));
        Assert.True(await triage.HandleAsync(lead, first.Id, friday.Version, SafeguardingDecision.ChildrensSocialCare, "Injury with a disclosure naming a parent: threshold met."));
        // A second lead deciding on the version they read before that decision is refused, and writes nothing.
        var entries = await context.SafeguardingEntries.CountAsync();
        await Assert.ThrowsAsync<ConcurrencyException>(() => triage.HandleAsync(lead, first.Id, friday.Version, SafeguardingDecision.Monitor, "Seen later"));
        Assert.Equal(entries, await context.SafeguardingEntries.CountAsync());
        var concern = await context.Referrals.AsNoTracking().SingleAsync(r => r.Id == first.Id);
        Assert.Equal(ReferralStatus.ActedOn, concern.Status);

        // A note about the child's history, dated when it happened, sits first in the chronology.
        Assert.True(await db.UseCase<AddSafeguardingNote>(context, "staff:T005").HandleAsync(lead, amira, null, new DateOnly(2025, 3, 1), "Previous school: CP plan ended March 2025."));
        chronology = (await db.UseCase<GetSafeguardingChronology>(context, "staff:T005").HandleAsync(lead, amira))!;
        Assert.Equal(["Note", "Concern", "Concern", "Triage"], chronology.Lines.Select(l => l.Entry?.Kind.ToString() ?? "Concern"));
        Assert.Equal(SafeguardingDecision.ChildrensSocialCare, chronology.Lines[3].Entry!.Decision);

        // Through the app's services (with the audit log): the log records every write, restricted, and never the words.
        await db.RunAsync(async services =>
        {
            var ctx = services.GetRequiredService<CaseloadDbContext>();
            services.GetRequiredService<AuditActor>().Name = "staff:T003";
            var third = (await services.GetRequiredService<ReportSafeguardingConcern>().HandleAsync(await ScopeAsync(ctx, "T003"), Concern(new DateOnly(2026, 11, 23), "Physical abuse")))!;
            services.GetRequiredService<AuditActor>().Name = "staff:T005";
            var version = (await ctx.Referrals.AsNoTracking().SingleAsync(r => r.Id == third.Id)).Version;
            Assert.True(await services.GetRequiredService<TriageConcern>().HandleAsync(await ScopeAsync(ctx, "T005"), third.Id, version, SafeguardingDecision.Monitor, "Injury explained; threshold met? No."));
            return 0;
        });
        var audits = await context.AuditEvents.AsNoTracking().Where(a => a.Entity == nameof(SafeguardingDetails) || a.Entity == nameof(SafeguardingEntry)).ToListAsync();
        Assert.Equal(2, audits.Count); // the details and the triage
        Assert.All(audits, a => Assert.True(a.Restricted));
        Assert.All(audits, a => Assert.DoesNotContain("Dad grabbed", a.Changes, StringComparison.Ordinal));
        Assert.All(audits, a => Assert.DoesNotContain("threshold met", a.Changes, StringComparison.Ordinal));
        Assert.All(audits, a => Assert.DoesNotContain("B12", a.Changes, StringComparison.Ordinal));
    }
}

/// <summary>The institution's own safeguarding categories: the safeguarding team edits the list; concerns keep their names.</summary>
public sealed class SafeguardingCategoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_safeguarding_lead_replaces_the_list_and_reports_follow_it_while_old_concerns_keep_their_names(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        async Task<StudentScope> ScopeAsync(string staff) => await StudentScope.ForAsync(context,
            (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!);
        var lead = await ScopeAsync("T005");
        var teacher = await ScopeAsync("T003");
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var categories = new SafeguardingCategories(context);
        Assert.Equal(16, (await categories.ForAsync(institution)).Count); // the defaults
        ReportSafeguardingConcern.Request Concern(string category) => new(amira, Urgency.Routine, "Seen crying at break.", new DateOnly(2026, 11, 23), null, null, null, null, null, [category]);
        var old = (await db.UseCase<ReportSafeguardingConcern>(context, "staff:T003").HandleAsync(teacher, Concern("Mental health")))!;

        // Refused, and the list unchanged: nothing, a repeat (any case), a control character; only the safeguarding team may save.
        Assert.Equal("give at least one category, one a line", (await Assert.ThrowsAsync<ValidationException>(() => categories.SaveAsync(lead.Viewer, [" ", ""]))).Message);
        Assert.Equal("line 3 ('neglect') repeats 'Neglect'; expected each category once",
            (await Assert.ThrowsAsync<ValidationException>(() => categories.SaveAsync(lead.Viewer, ["Neglect", "Bullying", "neglect"]))).Message);
        Assert.Contains("line 2 has a control character at column 4", (await Assert.ThrowsAsync<ValidationException>(() => categories.SaveAsync(lead.Viewer, ["Neglect", "Bul\u0007lying"]))).Message);
        Assert.False(await categories.SaveAsync(teacher.Viewer, ["Neglect"]));
        Assert.Equal(16, (await categories.ForAsync(institution)).Count);

        Assert.True(await categories.SaveAsync(lead.Viewer, ["Neglect", " Bullying ", "Wellbeing worry"]));
        Assert.Equal(["Neglect", "Bullying", "Wellbeing worry"], await categories.ForAsync(institution));
        // A new report follows the list: "Mental health" is no longer on it, "Wellbeing worry" is.
        await Assert.ThrowsAsync<ValidationException>(() => db.UseCase<ReportSafeguardingConcern>(context, "staff:T003").HandleAsync(teacher, Concern("Mental health")));
        Assert.NotNull(await db.UseCase<ReportSafeguardingConcern>(context, "staff:T003").HandleAsync(teacher, Concern("wellbeing WORRY")));
        // The earlier concern keeps the name it was given.
        Assert.Equal(["Mental health"], (await context.SafeguardingDetails.AsNoTracking().SingleAsync(d => d.ReferralId == old.Id)).CategoryList);
        // Another institution still has the defaults.
        Assert.Equal(16, (await categories.ForAsync(await db.CreateInstitutionAsync("OTHER"))).Count);
    }
}

/// <summary>The body map: marks on named parts of the front or back outline, each with what was seen.</summary>
public sealed class BodyMapTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Marks_on_the_outline_are_kept_in_order_and_one_off_the_body_is_refused_with_nothing_saved(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        async Task<StudentScope> ScopeAsync(string staff) => await StudentScope.ForAsync(context,
            (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!);
        var teacher = await ScopeAsync("T003");
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var report = db.UseCase<ReportSafeguardingConcern>(context, "staff:T003");
        ReportSafeguardingConcern.Request With(params ReportSafeguardingConcern.Mark[] marks) =>
            new(amira, Urgency.Urgent, "Marks seen in PE.", new DateOnly(2026, 11, 23), null, null, null, null, null, ["Physical abuse"], marks);

        var before = await db.CountsAsync();
        // The chest is on the front only: on the back it is off the body.
        Assert.Equal("body map mark 2: 'Chest' is not a part of the back of the body; expected a part from the list (or a click on the outline)",
            (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(teacher, With(new(BodySide.Front, "Left forearm", "Bruise"), new(BodySide.Back, "Chest", "Red mark"))))).Message);
        Assert.Equal("write what was seen at mark 1 (left forearm)",
            (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(teacher, With(new ReportSafeguardingConcern.Mark(BodySide.Front, "left forearm", " "))))).Message);
        Assert.Contains("choose the front or the back", (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(teacher, With(new ReportSafeguardingConcern.Mark(null, "Neck", "Scratch"))))).Message);
        Assert.Contains("13 marks on the body map; expected at most 12",
            (await Assert.ThrowsAsync<ValidationException>(() => report.HandleAsync(teacher, With([.. Enumerable.Range(0, 13).Select(_ => new ReportSafeguardingConcern.Mark(BodySide.Front, "Neck", "x"))])))).Message);
        Assert.Equal(before, await db.CountsAsync());

        // Empty rows of the form are skipped; the rest are kept in order, drawn where their part is (the back mirrors left and right).
        var concern = (await report.HandleAsync(teacher, With(new(BodySide.Front, "left forearm", "Bruise, 3 cm, yellow-green"), new(null, "", " "), new(BodySide.Back, "Left shoulder", "Two round marks"))))!;
        var chronology = (await db.UseCase<GetSafeguardingChronology>(context, "staff:T005").HandleAsync(await ScopeAsync("T005"), amira))!;
        var marks = Assert.Single(chronology.Lines, l => l.Concern?.ReferralId == concern.Id).Concern!.Marks;
        Assert.Equal([(1, BodySide.Front, "Left forearm", "Bruise, 3 cm, yellow-green", 81.0, 96.0), (2, BodySide.Back, "Left shoulder", "Two round marks", 30.0, 46.0)],
            marks.Select(m => (m.Number, m.Side, m.Region, m.Note, m.X, m.Y)));
    }
}

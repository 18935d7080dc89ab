using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Imports;

/// <summary>
/// A real institution's pastoral structure from its MIS: who leads each year group and heads each house, which tutors
/// hold named students from when to when, and each student's parents and carers — each refused whole with
/// file:line:column when wrong, idempotent when run again, and each leader then sees exactly their students.
/// </summary>
public sealed class StructureImportTests
{
    private const string Staff = """
        staff_id,first_name,last_name,email,roles
        T010,Maya,Patel,maya.patel@school.example,progress-leader
        T011,Sam,Brooks,sam.brooks@school.example,progress-leader
        T012,Jo,Hart,jo.hart@school.example,tutor
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Year_group_leaders_and_house_heads_see_their_students_and_a_wrong_leader_is_refused_whole(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.True((await db.ImportTextAsync(institution, "staff", Staff)).Succeeded);

        // Refused whole: a teacher without the leader's role, someone unknown, a year named twice. Nothing written.
        var counts = await db.CountsAsync();
        var refused = await db.ImportTextAsync(institution, "year-groups", """
            year_group,name,progress_leader_staff_id
            12,Year 12,T003
            13,Year 13,T999
            12,Year 12 again,T010
            """, file: "years.csv");
        Assert.False(refused.Succeeded);
        Assert.Equal([
            "years.csv:2:3: progress_leader_staff_id 'T003' does not hold the progress-leader role; give them the role in the staff import's roles column first",
            "years.csv:3:3: progress_leader_staff_id 'T999' is not a member of staff; expected a staff_id from the staff import (import staff first)",
            "years.csv:4:1: year_group '12' appears again (first on line 2); expected one row per year group",
        ], refused.Problems.Select(p => p.ToString()));
        await NothingWrittenAsync(db, counts);

        var years = await db.ImportTextAsync(institution, "year-groups", "year_group,name,progress_leader_staff_id\n12,Year 12 (Lower Sixth),T010\n13,Year 13,\n");
        Assert.True(years.Succeeded, string.Join("\n", years.Problems));
        Assert.Equal((1, 1), (years.Counts.Inserted, years.Counts.Updated)); // 13 is new; 12 gains a leader and a name
        var houses = await db.ImportTextAsync(institution, "houses", "house,name,head_staff_id\nHeron,Heron House,T011\n");
        Assert.True(houses.Succeeded, string.Join("\n", houses.Problems));
        var again = await db.ImportTextAsync(institution, "year-groups", "year_group,name,progress_leader_staff_id\n12,Year 12 (Lower Sixth),T010\n13,Year 13,\n");
        Assert.Equal((0, 0, 2), (again.Counts.Inserted, again.Counts.Updated, again.Counts.Unchanged));

        await using var context = db.NewContext();
        async Task<List<string>> SeenBy(string staffId)
        {
            var id = await context.Staff.Where(s => s.ExternalId == staffId).Select(s => s.Id).SingleAsync();
            var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!, TestDay(db));
            return await scope.Pastoral(context).OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync();
        }
        var year12 = await context.Students.Where(s => s.YearGroup!.Code == "12").OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync();
        Assert.NotEmpty(year12);
        Assert.Equal(year12, await SeenBy("T010"));
        var heron = await context.Students.Where(s => s.House!.Code == "Heron").OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync();
        Assert.NotEmpty(heron);
        Assert.Equal(heron, await SeenBy("T011"));
        Assert.Equal("Year 12 (Lower Sixth)", await context.YearGroups.Where(y => y.Code == "12").Select(y => y.Name).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_individual_caseload_counts_from_its_first_day_to_its_last_and_ranges_may_not_overlap(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.True((await db.ImportTextAsync(institution, "staff", Staff)).Succeeded);

        var counts = await db.CountsAsync();
        var refused = await db.ImportTextAsync(institution, "caseloads", """
            student_id,staff_id,from,to
            S1004,T012,2026-09-01,2026-12-18
            S1004,T012,2026-12-01,
            S1001,T010,2026-09-01,
            S1002,T012,2026-10-01,2026-09-30
            S9999,T012,2026-09-01,
            """, file: "caseloads.csv");
        Assert.Equal([
            "caseloads.csv:3:3: 2026-12-01 to open overlaps line 2 (2026-09-01 to 2026-12-18) for this student and tutor; expected ranges that do not overlap",
            "caseloads.csv:4:2: staff_id 'T010' is not a tutor; give them the tutor role in the staff import's roles column first",
            "caseloads.csv:5:4: to 2026-09-30 is before from 2026-10-01; expected the day the assignment ends, on or after it begins",
            "caseloads.csv:6:1: student_id 'S9999' is not a student of this institution; expected a student_id from the students import",
        ], refused.Problems.Select(p => p.ToString()));
        await NothingWrittenAsync(db, counts);

        const string good = "student_id,staff_id,from,to\nS1004,T012,2026-09-01,2026-11-20\nS1003,T012,2026-11-30,\n";
        Assert.True((await db.ImportTextAsync(institution, "caseloads", good)).Succeeded);
        Assert.Equal((0, 0, 2), (await db.ImportTextAsync(institution, "caseloads", good)) is var r ? (r.Counts.Inserted, r.Counts.Updated, r.Counts.Unchanged) : default);

        await using var context = db.NewContext();
        var jo = await context.Staff.Where(s => s.ExternalId == "T012").Select(s => s.Id).SingleAsync();
        var viewer = (await Viewers.ForStaffAsync(context, jo))!;
        async Task<List<string>> On(DateOnly day) =>
            await (await StudentScope.ForAsync(context, viewer, day)).Pastoral(context).OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync();
        Assert.Equal(["S1004"], await On(new DateOnly(2026, 9, 1)));
        Assert.Equal(["S1004"], await On(new DateOnly(2026, 11, 20)));        // the last day counts
        Assert.Empty(await On(new DateOnly(2026, 11, 23)));                    // ended; S1003's begins on the 30th
        Assert.Equal(["S1003"], await On(new DateOnly(2026, 11, 30)));
        Assert.Empty(await On(new DateOnly(2026, 8, 31)));

        // The tutor's inbox follows the same days: no 1:1 due for a student whose assignment has ended or not begun.
        async Task<List<int>> OneToOnesDue(DateOnly day) => [.. (await db.UseCase<Caseload.Core.Features.Inbox.GetInbox>(context)
                .HandleAsync(await StudentScope.ForAsync(context, viewer, day), day)).Items
            .Where(i => i.Kind is Caseload.Core.Features.Inbox.GetInbox.Kind.OneToOneDue or Caseload.Core.Features.Inbox.GetInbox.Kind.OneToOneOverdue)
            .Select(i => i.StudentId)];
        var chidi = await context.Students.Where(s => s.ExternalId == "S1003").Select(s => s.Id).SingleAsync();
        Assert.Empty(await OneToOnesDue(new DateOnly(2026, 11, 23)));
        Assert.Equal([chidi], await OneToOnesDue(new DateOnly(2026, 11, 30)));

        // A later file closes the open assignment.
        var closed = await db.ImportTextAsync(institution, "caseloads", "student_id,staff_id,from,to\nS1003,T012,2026-11-30,2027-02-12\n");
        Assert.Equal(1, closed.Counts.Updated);
        Assert.Empty(await On(new DateOnly(2027, 2, 15)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contacts_from_the_mis_replace_a_students_list_in_priority_order(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);

        var counts = await db.CountsAsync();
        var refused = await db.ImportTextAsync(institution, "contacts", """
            student_id,name,relationship,priority,parental_responsibility,phone,email
            S1001,,Mother,1,Y,,
            S1001,Omar Hassan,Father,2,maybe,,
            S1003,Anna Nowak,Mother,1,Y,07700 900123,anna at example
            S1002,Anna Nowak,Mother,1,Y,,
            S1002,Piotr Nowak,Father,1,Y,,
            """, file: "contacts.csv");
        Assert.Equal([
            "contacts.csv:2:2: name is empty; a value is required",
            "contacts.csv:3:5: parental_responsibility 'maybe' is not a yes/no value; expected Y or N, true or false, 1 or 0",
            "contacts.csv:4:7: email 'anna at example' is not an e-mail address; expected something like name@example.com, or nothing",
            "contacts.csv:6:4: priority 1 is given twice for student_id 'S1002' (first on line 5); expected each contact of a student to have its own priority",
        ], refused.Problems.Select(p => p.ToString()));
        await NothingWrittenAsync(db, counts);

        var imported = await db.ImportTextAsync(institution, "contacts", """
            student_id,name,relationship,priority,parental_responsibility,phone,email
            S1002,Piotr Nowak,Father,2,Y,,piotr@example.com
            S1002,Anna Nowak,Mother,1,Y,07700 900123,anna@example.com
            S1002,Grandma Nowak,Grandmother,,N,,
            """);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
        await using var context = db.NewContext();
        var ollie = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        var list = (await context.StudentContacts.Where(c => c.StudentId == ollie).OrderBy(c => c.Priority).ToListAsync())
            .Select(c => $"{c.Priority} {c.Name} {c.ParentalResponsibility}").ToList();
        Assert.Equal(["1 Anna Nowak True", "2 Piotr Nowak True", "3 Grandma Nowak False"], list);
        var again = await db.ImportTextAsync(institution, "contacts", "student_id,name,relationship\nS1002,Anna Nowak,Mother\n");
        Assert.True(again.Succeeded);
        Assert.Equal(["Anna Nowak"], await context.StudentContacts.Where(c => c.StudentId == ollie).Select(c => c.Name).ToListAsync());

        // A letter goes to the first contact with parental responsibility, not merely the first listed.
        Assert.True((await db.ImportTextAsync(institution, "contacts", "student_id,name,relationship,priority,parental_responsibility\nS1003,Grace Eze,Grandmother,1,N\nS1003,Daniel Eze,Father,2,Y\n")).Succeeded);
        var tutor = await context.Staff.Where(s => s.ExternalId == "T001").Select(s => s.Id).SingleAsync();
        var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, tutor))!);
        var chidi = await context.Students.Where(s => s.ExternalId == "S1003").Select(s => s.Id).SingleAsync();
        var letter = (await db.UseCase<Caseload.Core.Features.Letters.RenderLetter>(context).HandleAsync(scope, chidi, "attendance", 0))!;
        Assert.Equal("Daniel Eze", letter.To);
        Assert.Contains("Dear Daniel Eze,", letter.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_leaver_drops_off_the_caseload_after_their_last_day_and_stays_readable_as_history(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);

        var counts = await db.CountsAsync();
        var refused = await db.ImportTextAsync(institution, "students", """
            student_id,first_name,last_name,date_of_birth,year_group,tutor_group,leaving_date,leaving_reason
            S1001,Amira,Hassan,2010-03-14,12,12A,,Moved school
            S1002,Oliver,Nowak,2010-01-22,12,12A,2009-12-01,
            """, file: "leavers.csv");
        Assert.Equal([
            "leavers.csv:2:8: leaving_reason is given without a leaving_date; expected the student's last day too",
            "leavers.csv:3:7: leaving_date 2009-12-01 is not a plausible last day; expected a date after the date of birth and within a year from today",
        ], refused.Problems.Select(p => p.ToString()));
        await NothingWrittenAsync(db, counts);

        // Chidi left on Friday 20 November; Ollie leaves at the end of term (a date still to come); "today" is 23 November.
        var leavers = await db.ImportTextAsync(institution, "students", """
            student_id,first_name,last_name,date_of_birth,year_group,tutor_group,leaving_date,leaving_reason
            S1003,Chidi,Eze,2009-11-02,12,12A,2026-11-20,Moved to another college
            S1002,Oliver,Nowak,2010-01-22,12,12A,2026-12-18,Moving abroad
            """);
        Assert.True(leavers.Succeeded, string.Join("\n", leavers.Problems));
        await using var context = db.NewContext();
        var roll = await context.Students.Where(s => s.ExternalId == "S1002" || s.ExternalId == "S1003").OrderBy(s => s.ExternalId)
            .Select(s => new { s.ExternalId, s.OnRoll, s.LeftOn, s.LeavingReason }).ToListAsync();
        Assert.Equal(("S1002", true, (DateOnly?)new DateOnly(2026, 12, 18)), (roll[0].ExternalId, roll[0].OnRoll, roll[0].LeftOn));
        Assert.Equal(("S1003", false, "Moved to another college"), (roll[1].ExternalId, roll[1].OnRoll, roll[1].LeavingReason));
        var tutor = await context.Staff.Where(s => s.ExternalId == "T001").Select(s => s.Id).SingleAsync();
        var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, tutor))!, TestDay(db));
        var caseload = await new Caseload.Core.Features.Caseload.GetCaseload(context, db.Clock)
            .HandleAsync(new Caseload.Core.Features.Caseload.GetCaseload.Request(scope, TestDay(db)));
        Assert.DoesNotContain(caseload.Rows, r => r.ExternalId == "S1003");          // off the caseload
        Assert.Contains(caseload.Rows, r => r.ExternalId == "S1002");                 // until the last day
        Assert.True(await scope.Pastoral(context).AnyAsync(s => s.ExternalId == "S1003")); // the record stays readable
    }

    /// <summary>Only the refused run's own record is new.</summary>
    private static async Task NothingWrittenAsync(TestDatabase db, Dictionary<string, long> before)
    {
        var after = await db.CountsAsync();
        Assert.Equal(before["import_runs"] + 1, after["import_runs"]);
        after["import_runs"]--;
        Assert.Equal(before, after);
    }

    private static DateOnly TestDay(TestDatabase db) => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
}

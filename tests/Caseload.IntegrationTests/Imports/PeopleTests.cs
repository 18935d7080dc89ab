using Caseload.Core.Features.Letters;
using Caseload.Core.Features.Students;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Imports;

/// <summary>
/// The people around a student as a real school's MIS gives them: staff who leave, assistant heads of year, and parents
/// with addresses, preferences and court orders — and contacts entered on the profile, which an import never loses.
/// </summary>
public sealed class PeopleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_of_staff_who_has_left_cannot_sign_in_or_lead_and_an_assistant_sees_the_year(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        // The samples: T022 left on 23 October; T020 assists Year 12's leader.
        Assert.True((await db.ImportFileAsync(institution, "year-groups", Samples.PathOf("year-groups"))).Succeeded);
        await using var context = db.NewContext();
        async Task<int> Id(string external) => await context.Staff.Where(s => s.ExternalId == external).Select(s => s.Id).SingleAsync();
        Assert.Null(await Viewers.ForStaffAsync(context, await Id("T022")));
        Assert.Equal(new DateOnly(2026, 10, 23), await context.Staff.Where(s => s.ExternalId == "T022").Select(s => s.LeftOn).SingleAsync());

        var year12 = await context.Students.Where(s => s.YearGroup!.Code == "12").OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync();
        var assistant = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, await Id("T020")))!, Today);
        Assert.Equal(year12, await assistant.Pastoral(context).OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync());

        // A leaver, someone unknown or someone who is not a leader cannot assist; nothing is written.
        Assert.True((await db.ImportTextAsync(institution, "staff", "staff_id,first_name,last_name,email,roles,leaving_date\nT010,Lee,Cole,lee.cole@school.example,progress-leader,2026-11-20\n")).Succeeded);
        var refused = await db.ImportTextAsync(institution, "year-groups", """
            year_group,progress_leader_staff_id,assistant_staff_ids
            12,T004,T020;T010
            13,T004,T999; T001
            """, file: "years.csv");
        Assert.Equal([
            "years.csv:2:3: assistant_staff_ids 'T010' has left; expected a member of staff who is still here",
            "years.csv:3:3: assistant_staff_ids 'T999' is not a member of staff; expected a staff_id from the staff import (import staff first)",
            "years.csv:3:3: assistant_staff_ids 'T001' does not hold the progress-leader role; give them the role in the staff import's roles column first",
        ], refused.Problems.Select(p => p.ToString()));
        Assert.Equal(1, await context.YearGroupAssistants.CountAsync());

        // An empty cell removes the assistant; a leaving date still to come keeps a person until it passes.
        var cleared = await db.ImportTextAsync(institution, "year-groups", "year_group,progress_leader_staff_id,assistant_staff_ids\n12,T004,\n");
        Assert.Equal((0, 1), (cleared.Counts.Inserted, cleared.Counts.Updated));
        Assert.Equal(0, await context.YearGroupAssistants.CountAsync());
        Assert.True((await db.ImportTextAsync(institution, "staff", "staff_id,first_name,last_name,email,roles,leaving_date\nT020,Hannah,Price,hannah.price@school.example,progress-leader;tutor,2026-12-18\n")).Succeeded);
        Assert.NotNull(await Viewers.ForStaffAsync(context, await Id("T020")));
        var late = await db.ImportTextAsync(institution, "staff", "staff_id,first_name,last_name,email,leaving_date\nT001,Grace,Okafor,grace.okafor@school.example,2031-01-01\n", file: "staff.csv");
        Assert.Equal(["staff.csv:2:5: leaving_date 2031-01-01 is not a plausible last day; expected a date from 1950 to a year from today, or nothing while they are here"],
            late.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_letter_goes_to_the_contact_with_parental_responsibility_at_their_address_and_never_to_one_who_must_not_be_contacted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var refused = await db.ImportTextAsync(institution, "contacts", """
            student_id,name,relationship,preferred_method,no_contact,lives_with_student,postcode
            S1001,Leila Hassan,Mother,pigeon,,,
            S1001,Omar Hassan,Father,,perhaps,,
            S1002,Anna Nowak,Mother,,,,ZZ1 4QT 12345
            """, file: "contacts.csv");
        Assert.Equal([
            "contacts.csv:2:4: preferred_method 'pigeon' is not a way of contacting; expected phone, email, letter, text or nothing",
            "contacts.csv:3:5: no_contact 'perhaps' is not a yes/no value; expected Y or N, true or false, 1 or 0",
            "contacts.csv:4:7: postcode is 13 characters long; expected at most 10",
        ], refused.Problems.Select(p => p.ToString()));
        Assert.True((await db.ImportFileAsync(institution, "contacts", Samples.PathOf("contacts"))).Succeeded);

        await using var context = db.NewContext();
        var tutor = await context.Staff.Where(s => s.ExternalId == "T001").Select(s => s.Id).SingleAsync();
        var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, tutor))!, Today);
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var letter = (await db.UseCase<RenderLetter>(context).HandleAsync(scope, amira, "attendance", 0))!;
        Assert.Equal(("Leila Hassan", "14 Orchard Road\nRiverside\nZZ1 4QT"), (letter.To, letter.Address));
        // Omar Hassan must not be contacted: he is not offered, whichever number is asked for.
        Assert.Equal(["Leila Hassan"], letter.Offered!.Select(o => o.Name));
        Assert.Equal("Parent or carer", (await db.UseCase<RenderLetter>(context).HandleAsync(scope, amira, "attendance", 1))!.To);
        var omar = await context.StudentContacts.SingleAsync(c => c.Name == "Omar Hassan");
        Assert.Equal((true, false, "3 Mill Lane\nRiverside\nZZ2 7AB"), (omar.NoContact, omar.LivesWithStudent, omar.Address));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contact_entered_on_the_profile_survives_the_next_import_and_two_editors_do_not_overwrite_each_other(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.True((await db.ImportFileAsync(institution, "contacts", Samples.PathOf("contacts"))).Succeeded);
        await using var context = db.NewContext();
        async Task<StudentScope> ScopeOf(string staff)
        {
            var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
            return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!, Today);
        }
        var ollie = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
        var save = db.UseCase<SaveStudentContact>(context, "staff:1");
        var request = new SaveStudentContact.Request(ollie, "Kasia Nowak", "Aunt", false, "07700 900321", null, "5 Quay Street\nRiverside", "zz5 2xy", false, "Phone", false);
        var added = (await save.HandleAsync(await ScopeOf("T001"), request))!;
        Assert.Equal(("5 Quay Street\nRiverside\nZZ5 2XY", "phone", 3, true), (added.Address, added.PreferredMethod, added.Priority, added.EnteredHere));

        // A subject teacher (no pastoral record) cannot; a bad e-mail address is refused and nothing changes.
        Assert.Null(await save.HandleAsync(await ScopeOf("T003"), request with { Name = "Someone Else" }));
        var tutorScope = await ScopeOf("T001");
        var bad = await Assert.ThrowsAsync<Caseload.Core.ValidationException>(() => save.HandleAsync(tutorScope, request with { Email = "kasia at home" }, added.Id, added.Version));
        Assert.Contains("'kasia at home' is not an e-mail address", bad.Message, StringComparison.Ordinal);

        // Two people open the same contact; the second to save is told who saved first and nothing is overwritten.
        var seen = added.Version;
        context.ChangeTracker.Clear();
        Assert.NotNull(await save.HandleAsync(await ScopeOf("T001"), request with { Phone = "07700 900999" }, added.Id, seen));
        context.ChangeTracker.Clear();
        var leaderScope = await ScopeOf("T006"); // an administrator
        await Assert.ThrowsAsync<ConcurrencyException>(() => save.HandleAsync(leaderScope, request with { Phone = "07700 900000" }, added.Id, seen));
        context.ChangeTracker.Clear();
        Assert.Equal("07700 900999", await context.StudentContacts.Where(c => c.Id == added.Id).Select(c => c.Phone).SingleAsync());

        // The MIS's next contacts file lists Ollie's mother only: Jan Nowak (from the MIS) goes, Kasia (entered here) stays.
        Assert.True((await db.ImportTextAsync(institution, "contacts", "student_id,name,relationship\nS1002,Anna Nowak,Mother\n")).Succeeded);
        Assert.Equal(["1 Anna Nowak", "2 Kasia Nowak"], (await context.StudentContacts.AsNoTracking().Where(c => c.StudentId == ollie).OrderBy(c => c.Priority).ToListAsync())
            .Select(c => $"{c.Priority} {c.Name}"));
        var current = await context.StudentContacts.AsNoTracking().SingleAsync(c => c.Id == added.Id);
        Assert.True(await save.RemoveAsync(await ScopeOf("T001"), ollie, added.Id, current.Version));
        Assert.False(await context.StudentContacts.AnyAsync(c => c.Id == added.Id));
    }
}

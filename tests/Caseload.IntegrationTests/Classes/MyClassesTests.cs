using Caseload.Core.Features.Classes;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Classes;

/// <summary>My classes: one list per teaching group (or per course without one), with today's register marks.</summary>
public sealed class MyClassesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_teacher_sees_each_teaching_group_on_its_own_with_the_days_marks(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var teacher = (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == "T003").Select(s => s.Id).SingleAsync()))!;
        var classes = new GetMyClasses(context, new Caseload.Core.Features.Institutions.ReferenceData(context, new Caseload.Core.Features.Institutions.ReferenceData.Store()));

        // Aisha teaches Mathematics to two teaching groups (samples/enrolments.csv): 12MAT1 (Amira, Ollie) and 12MAT2 (Chidi).
        var monday = await classes.HandleAsync(teacher, new DateOnly(2026, 9, 7));
        Assert.Equal([("12MAT1", "Mathematics", 2), ("12MAT2", "Mathematics", 1)], monday.Select(c => (c.Group, c.Name, c.Students.Count)));
        Assert.Equal(["Amira Hassan", "Ollie Nowak"], monday[0].Students.Select(s => s.Name));
        Assert.Equal("12MAT2", monday[1].Key);
        // Monday 7 September's marks in the order of the day, as the registers hold them.
        Assert.Equal([("AM", "/"), ("PM", "\\")], monday[0].Students[0].Today);
        Assert.Equal([("AM", "I"), ("PM", "I")], monday[0].Students[1].Today);
        // A day without marks shows none; the grade against target is there whatever the day.
        var later = await classes.HandleAsync(teacher, new DateOnly(2026, 9, 9));
        Assert.All(later.SelectMany(c => c.Students), s => Assert.Empty(s.Today));
        Assert.Equal(monday.SelectMany(c => c.Students).Select(s => (s.Target, s.Latest, s.Gap)), later.SelectMany(c => c.Students).Select(s => (s.Target, s.Latest, s.Gap)));
    }
}

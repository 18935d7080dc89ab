using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests;

public sealed class CorrectionHistoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_corrected_mark_keeps_the_original_who_changed_it_and_when_and_fixes_the_summary(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution, actor: "mis-nightly");
        var firstImport = db.Clock.Now.UtcDateTime;

        // The office finds out why S1002 was away on Tuesday afternoon: N (no reason yet) becomes I (illness).
        db.Clock.Now = db.Clock.Now.AddDays(2);
        var corrected = File.ReadAllText(Samples.PathOf("attendance")).Replace("S1002,2026-09-08,PM,N,", "S1002,2026-09-08,PM,I,");
        var result = await db.ImportTextAsync(institution, "attendance", corrected, actor: "office:jo");
        Assert.Equal((0, 1, 15), (result.Counts.Inserted, result.Counts.Updated, result.Counts.Unchanged));

        await using var context = db.NewContext();
        var change = await context.AttendanceMarkChanges.SingleAsync();
        Assert.Equal(("N", "I"), (change.PreviousCode, change.NewCode));
        Assert.Equal(("mis-nightly", "office:jo"), (change.PreviousRecordedBy, change.ChangedBy));
        Assert.Equal(firstImport, change.PreviousRecordedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(db.Clock.Now.UtcDateTime, change.ChangedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal((new DateOnly(2026, 9, 8), "PM"), (change.Date, change.Session));

        var s1002 = await context.Students.SingleAsync(s => s.ExternalId == "S1002");
        var week = await context.AttendanceWeeks.SingleAsync(w => w.StudentId == s1002.Id);
        Assert.Equal((4, 3, 1), (week.Possible, week.AuthorisedAbsence, week.UnauthorisedAbsence)); // was 2 and 2
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changing_minutes_late_alone_is_a_correction_too(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var corrected = File.ReadAllText(Samples.PathOf("attendance")).Replace("S1001,2026-09-08,AM,L,12", "S1001,2026-09-08,AM,L,7");
        var result = await db.ImportTextAsync(institution, "attendance", corrected);
        Assert.Equal(1, result.Counts.Updated);
        await using var context = db.NewContext();
        var change = await context.AttendanceMarkChanges.SingleAsync();
        Assert.Equal(((int?)12, (int?)7), (change.PreviousMinutesLate, change.NewMinutesLate));
        Assert.Equal(7, (await context.AttendanceWeeks.SingleAsync(w => w.MinutesLate > 0 && w.UnauthorisedAbsence == 0)).MinutesLate);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_changed_grade_keeps_its_previous_value(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution, actor: "teacher:ar");
        db.Clock.Now = db.Clock.Now.AddDays(1);
        var corrected = File.ReadAllText(Samples.PathOf("grades")).Replace("S1002,ALMAT,Autumn 1,D", "S1002,ALMAT,Autumn 1,c");
        var result = await db.ImportTextAsync(institution, "grades", corrected, actor: "teacher:ar2");
        Assert.Equal((0, 1, 5), (result.Counts.Inserted, result.Counts.Updated, result.Counts.Unchanged));

        await using var context = db.NewContext();
        var change = await context.AssessmentGradeChanges.SingleAsync();
        Assert.Equal(("D", "C"), (change.PreviousGrade, change.NewGrade)); // normalised to the scale's spelling
        Assert.Equal(("teacher:ar", "teacher:ar2"), (change.PreviousRecordedBy, change.ChangedBy));
        var grade = await context.AssessmentGrades.SingleAsync(g => g.Id == change.AssessmentGradeId);
        Assert.Equal("C", grade.Grade);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_correction_made_directly_in_the_database_is_still_kept(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var mark = await context.AttendanceMarks.FirstAsync(m => m.Code == "O");
        mark.Code = "M";
        mark.RecordedBy = "admin:fix";
        await context.SaveChangesAsync();
        var change = await context.AttendanceMarkChanges.SingleAsync();
        Assert.Equal(("O", "M", "admin:fix"), (change.PreviousCode, change.NewCode, change.ChangedBy));
    }
}

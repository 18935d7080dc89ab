using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Imports;

/// <summary>An MIS export names qualifications its own way; the enrolments import takes a scale by code, name or the usual MIS names.</summary>
public sealed class ScaleNamesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Grade_scales_written_as_an_mis_writes_them_are_recognised(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        foreach (var kind in new[] { "staff", "tutor-groups", "students" })
        {
            Assert.True((await db.ImportFileAsync(institution, kind, Samples.PathOf(kind))).Succeeded);
        }
        var result = await db.ImportTextAsync(institution, "enrolments", """
            student_id,course_code,course_name,qualification,grade_scale,target_grade
            S1001,ALMAT,Mathematics,A level,GCE A Level,A
            S1001,ALPSY,Psychology,A level,a-level,B
            S1002,BTSPO,Sport,BTEC,BTEC Extended Diploma,D*D*D
            S1002,ASFRE,French,AS,GCE AS Level,C
            S1003,GCENG,English Language,GCSE,GCSE (9-1),5
            S1003,TLDIG,Digital,T Level,t level,Merit
            """);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var context = db.NewContext();
        var scales = await context.Courses.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code + "=" + c.GradeScale!.Code).ToListAsync();
        Assert.Equal(["ALMAT=A-LEVEL", "ALPSY=A-LEVEL", "ASFRE=AS", "BTSPO=BTEC-ED", "GCENG=GCSE", "TLDIG=T-LEVEL"], scales);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_institution_teaches_the_import_its_own_name_for_a_scale(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        foreach (var kind in new[] { "staff", "tutor-groups", "students" })
        {
            Assert.True((await db.ImportFileAsync(institution, kind, Samples.PathOf(kind))).Succeeded);
        }
        const string File = """
            student_id,course_code,course_name,qualification,grade_scale,target_grade
            S1001,ALMAT,Mathematics,A level,GCE A Level (Linear) - 2 Year,A
            """;
        var refused = await db.ImportTextAsync(institution, "enrolments", File);
        Assert.False(refused.Succeeded);
        Assert.Contains("test.csv:2:5: grade_scale 'GCE A Level (Linear) - 2 Year' is not one of this institution's scales; expected a code or name:", refused.Problems[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("A-LEVEL (A level)", refused.Problems[0].ToString(), StringComparison.Ordinal);

        var (exit, output, error) = await db.RunCliAsync("scales", "alias", "--code", "a-level", "--alias", "GCE A Level (Linear) - 2 Year");
        Assert.True(exit == 0, error);
        Assert.Contains("'GCE A Level (Linear) - 2 Year' now means A-LEVEL (A level)", output, StringComparison.Ordinal);
        // A name that already means another scale is refused, whatever its case and hyphens.
        (exit, _, error) = await db.RunCliAsync("scales", "alias", "--code", "AS", "--alias", "gce a-level (linear) 2 year");
        Assert.NotEqual(0, exit);
        Assert.Contains("already means A-LEVEL", error, StringComparison.Ordinal);
        (exit, _, error) = await db.RunCliAsync("scales", "alias", "--code", "NOPE", "--alias", "Whatever");
        Assert.NotEqual(0, exit);
        Assert.Contains("there is no grade scale 'NOPE'", error, StringComparison.Ordinal);

        var accepted = await db.ImportTextAsync(institution, "enrolments", File);
        Assert.True(accepted.Succeeded, string.Join("\n", accepted.Problems));
        await using var context = db.NewContext();
        Assert.Equal("A-LEVEL", await context.Courses.Where(c => c.Code == "ALMAT").Select(c => c.GradeScale!.Code).SingleAsync());
        (_, output, _) = await db.RunCliAsync("scales", "list");
        Assert.Contains("also: GCE A Level (Linear) - 2 Year", output, StringComparison.Ordinal);
    }
}

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
}

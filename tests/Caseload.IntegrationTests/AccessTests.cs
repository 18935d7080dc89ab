using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

/// <summary>
/// The access rules as a matrix over the sample college: T001 tutors 12A (S1001–S1003); T002 is a senior tutor
/// whose team is T001 and who tutors 12B (S1004–S1005); T003 teaches A-level Maths to S1001–S1003; T004 leads
/// year 12 (everyone here) ; T005 is the safeguarding lead; T006 an administrator. X9001 belongs to another
/// institution, whose existence nobody here may learn.
/// </summary>
public sealed class AccessTests
{
    public static TheoryData<string, string, string, StudentView> Matrix()
    {
        var data = new TheoryData<string, string, string, StudentView>();
        (string Staff, string Student, StudentView View)[] cases =
        [
            ("T001", "S1001", StudentView.Pastoral), ("T001", "S1003", StudentView.Pastoral),
            ("T001", "S1004", StudentView.None), ("T001", "X9001", StudentView.None),
            ("T002", "S1001", StudentView.Pastoral), ("T002", "S1004", StudentView.Pastoral),
            ("T002", "X9001", StudentView.None),
            ("T003", "S1001", StudentView.Academic), ("T003", "S1003", StudentView.Academic),
            ("T003", "S1005", StudentView.None), ("T003", "X9001", StudentView.None),
            ("T004", "S1001", StudentView.Pastoral), ("T004", "S1005", StudentView.Pastoral),
            ("T004", "X9001", StudentView.None),
            ("T005", "S1005", StudentView.Pastoral), ("T005", "X9001", StudentView.None),
            ("T006", "S1002", StudentView.Pastoral), ("T006", "X9001", StudentView.None),
            ("T007", "S1001", StudentView.None), // wellbeing: only students referred to them (casework issue)
        ];
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            foreach (var (staff, student, view) in cases)
            {
                data.Add(provider, staff, student, view);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_sees_exactly_its_students(string provider, string staff, string student, StudentView expected)
    {
        await using var db = await SetUpAsync(provider);
        await using var context = db.NewContext();
        var viewer = (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!;
        var studentId = await context.Students.Where(s => s.ExternalId == student).Select(s => s.Id).SingleAsync();
        var scope = await StudentScope.ForAsync(context, viewer);

        Assert.Equal(expected, await scope.ViewOfAsync(context, studentId));
        Assert.Equal(expected != StudentView.None, await scope.Visible(context).AnyAsync(s => s.Id == studentId));
        Assert.Equal(expected == StudentView.Pastoral, await scope.Pastoral(context).AnyAsync(s => s.Id == studentId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_student_assigned_individually_joins_the_tutors_caseload_until_the_assignment_ends(string provider)
    {
        await using var db = await SetUpAsync(provider);
        await using var context = db.NewContext();
        var t001 = await context.Staff.SingleAsync(s => s.ExternalId == "T001");
        var s1005 = await context.Students.SingleAsync(s => s.ExternalId == "S1005");
        context.CaseloadMembers.Add(new CaseloadMember { StaffId = t001.Id, StudentId = s1005.Id, From = new DateOnly(2026, 9, 1) });
        await context.SaveChangesAsync();
        var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, t001.Id))!);
        Assert.Equal(StudentView.Pastoral, await scope.ViewOfAsync(context, s1005.Id));

        await context.CaseloadMembers.ExecuteUpdateAsync(u => u.SetProperty(c => c.To, new DateOnly(2026, 10, 1)));
        Assert.Equal(StudentView.None, await scope.ViewOfAsync(context, s1005.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_inactive_member_of_staff_is_nobody(string provider)
    {
        await using var db = await SetUpAsync(provider);
        await using var context = db.NewContext();
        await context.Staff.Where(s => s.ExternalId == "T006").ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, false));
        Assert.Null(await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == "T006").Select(s => s.Id).SingleAsync()));
    }

    /// <summary>The page's compiled check of one student (decision 0024) answers as the scope's own query does, for every
    /// member of staff and student here, with and without a school day (cover and dated caseload assignments).</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_compiled_check_of_one_student_agrees_with_the_scope(string provider)
    {
        await using var db = await SetUpAsync(provider);
        await using var context = db.NewContext();
        var t001 = await context.Staff.SingleAsync(s => s.ExternalId == "T001");
        var s1005 = await context.Students.SingleAsync(s => s.ExternalId == "S1005");
        var s1004 = await context.Students.SingleAsync(s => s.ExternalId == "S1004");
        context.CaseloadMembers.Add(new CaseloadMember { StaffId = t001.Id, StudentId = s1005.Id, From = new DateOnly(2026, 9, 1) });
        context.CaseloadMembers.Add(new CaseloadMember { StaffId = t001.Id, StudentId = s1004.Id, From = new DateOnly(2026, 9, 1), To = new DateOnly(2027, 7, 1) });
        await context.SaveChangesAsync();
        var staff = await context.Staff.Select(s => s.Id).ToListAsync();
        var students = await context.Students.Select(s => s.Id).ToListAsync();
        var checkedPastoral = 0;
        foreach (var id in staff)
        {
            if (await Viewers.ForStaffAsync(context, id) is not { } viewer)
            {
                continue;
            }
            foreach (var today in new DateOnly?[] { null, new DateOnly(2026, 11, 23), new DateOnly(2027, 8, 1) })
            {
                var scope = await StudentScope.ForAsync(context, viewer, today);
                foreach (var student in students)
                {
                    var pastoral = await scope.Pastoral(context).AnyAsync(s => s.Id == student);
                    Assert.Equal(pastoral, await scope.ViewOfAsync(context, student) == StudentView.Pastoral);
                    checkedPastoral += pastoral ? 1 : 0;
                }
            }
        }
        Assert.True(checkedPastoral > 0);
    }

    /// <summary>Viewers and scopes are kept per data version (decision 0024): a role given in the MIS, or a student moved
    /// into the tutor's group, applies to the very next request; nothing changed, the same viewer is reused.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cached_viewer_follows_a_role_or_group_change_at_once(string provider)
    {
        await using var db = await SetUpAsync(provider);
        int institution, t001, s1005;
        await using (var context = db.NewContext())
        {
            institution = await context.Institutions.Where(i => i.Code == "RSFC").Select(i => i.Id).SingleAsync();
            t001 = await context.Staff.Where(s => s.ExternalId == "T001").Select(s => s.Id).SingleAsync();
            s1005 = await context.Students.Where(s => s.ExternalId == "S1005").Select(s => s.Id).SingleAsync();
        }
        var today = new DateOnly(2026, 11, 23);
        Task<(Viewer? Viewer, StudentScope? Scope)> RequestAsync() => db.RunAsync(s => s.GetRequiredService<ViewerCache>().ForAsync(t001, today));
        async Task<StudentView> ViewOfS1005Async(StudentScope scope)
        {
            await using var context = db.NewContext();
            return await scope.ViewOfAsync(context, s1005);
        }

        var first = await RequestAsync();
        Assert.False(first.Viewer!.Has(Roles.SeniorTutor));
        Assert.Equal(StudentView.None, await ViewOfS1005Async(first.Scope!));
        Assert.Same(first.Viewer, (await RequestAsync()).Viewer);

        var staff = (await File.ReadAllTextAsync(Samples.PathOf("staff"))).Replace("grace.okafor@school.example,tutor,", "grace.okafor@school.example,senior-tutor;tutor,", StringComparison.Ordinal);
        Assert.True((await db.ImportTextAsync(institution, "staff", staff)).Succeeded);
        Assert.True((await RequestAsync()).Viewer!.Has(Roles.SeniorTutor));

        var students = (await File.ReadAllTextAsync(Samples.PathOf("students"))).Replace("S1005,,,Zofia,Ahmed,,17/05/2010,12,12B,", "S1005,,,Zofia,Ahmed,,17/05/2010,12,12A,", StringComparison.Ordinal);
        Assert.True((await db.ImportTextAsync(institution, "students", students)).Succeeded);
        Assert.Equal(StudentView.Pastoral, await ViewOfS1005Async((await RequestAsync()).Scope!));
    }

    private static async Task<TestDatabase> SetUpAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await db.ImportTextAsync(institution, "staff", "staff_id,first_name,last_name,email,roles\nT007,Lee,Park,lee.park@school.example,wellbeing\n");
        var other = await db.CreateInstitutionAsync("OTHER");
        await db.ImportTextAsync(other, "students", "student_id,first_name,last_name,date_of_birth,year_group,tutor_group\nX9001,Sam,Other,2010-01-01,12,12A\n");
        await using var context = db.NewContext();
        var leader = await context.Staff.SingleAsync(s => s.ExternalId == "T004");
        await context.YearGroups.Where(y => y.InstitutionId == institution).ExecuteUpdateAsync(u => u.SetProperty(y => y.ProgressLeaderStaffId, leader.Id));
        return db;
    }
}

using System.Data.Common;
using Caseload.Core.Data;
using Caseload.Core.Features.Caseload;
using Caseload.Core.Features.Demo;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

public sealed class CaseloadTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_tutor_sees_their_students_figures_and_who_needs_them_first(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var result = await CaseloadOfAsync(context, "T001");

        // T001 tutors 12A: S1001-S1003. S1002 attended 0 of 4 possible sessions: severe absence, first.
        Assert.Equal(["S1002", "S1001", "S1003"], result.Rows.Select(r => r.ExternalId));
        var s1002 = result.Rows[0];
        Assert.Equal((0m, 0m), (s1002.AttendanceTerm, s1002.AttendanceYear));
        // Its PM mark on 8 September is still N (no reason), long past 5 school days: a task.
        // The early-warning score (default weights), worked by hand: attendance 0% → 30; severe absence (0%, at or
        // below 50%) → 15; 1 late in 4 possible sessions (25%, beyond 15%) → 10; Mathematics (her only graded course) one
        // grade below → concern ½, (½ + ½) / 2 × 20 = 10.0; SEND → ½ × 5 = 2.5; 1 reason overdue → 1/3 × 5 = 1.67 → 1.7;
        // behaviour −2 → 2/20 × 10 = 1.0. Total 70.2 → 70.
        Assert.Equal(["attendance 0% this year (severe absence)", "severe absence: 0% attendance, missing at least half of school", "1 late this term (1 after the register closed)",
            "Mathematics one grade below target", "SEND", "1 absence still has no reason after 5 school days", "behaviour -2 points this term"], s1002.Reasons);
        Assert.Equal(70, s1002.Attention);
        Assert.Equal(70.2m, s1002.AttentionPoints);
        Assert.Equal((1, new DateOnly(2026, 9, 8)), (s1002.ReasonsOverdue, s1002.OldestReasonOverdue));
        Assert.Equal(0, result.Rows.Single(r => r.ExternalId == "S1001").ReasonsOverdue);
        Assert.Equal(-2, s1002.BehaviourTerm);
        Assert.Equal(1, s1002.LatesTerm); // U counts as late (and as unauthorised absence)

        var s1001 = result.Rows.Single(r => r.ExternalId == "S1001");
        Assert.Equal((100m, 1, 1, "Mathematics", 2), (s1001.AttendanceTerm, s1001.SubjectsBelowTarget, s1001.WorstGap, s1001.WorstSubject, s1001.BehaviourTerm));
        Assert.Equal(["Disadvantaged", "EAL"], s1001.Flags);
        var s1003 = result.Rows.Single(r => r.ExternalId == "S1003");
        Assert.Equal(100m, s1003.AttendanceTerm); // X sessions are not possible: 2 of 2
        Assert.Equal(["Looked after", "Most able"], s1003.Flags);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_senior_tutor_sees_the_team_and_can_look_at_one_tutor(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var team = await CaseloadOfAsync(context, "T002");
        Assert.Equal(["S1001", "S1002", "S1003", "S1004", "S1005"], team.Rows.Select(r => r.ExternalId).Order());
        Assert.Equal(["Daniel Kowalski", "Grace Okafor"], team.Tutors.Select(t => t.Name).Order());

        var t001 = await context.Staff.Where(s => s.ExternalId == "T001").Select(s => s.Id).SingleAsync();
        var one = await CaseloadOfAsync(context, "T002", tutor: t001);
        Assert.Equal(["S1001", "S1002", "S1003"], one.Rows.Select(r => r.ExternalId).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_number_of_queries_does_not_grow_with_the_caseload(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.RunAsync(s => s.GetRequiredService<GenerateDemo>().HandleAsync(new GenerateDemo.Request(Students: 300, Seed: 4, Today: Today)));
        await using var probe = db.NewContext();
        // A plain tutor (not a senior tutor, whose scope is the whole team).
        var tutor = await probe.Staff.Where(s => s.Roles.Any(r => r.Role == "tutor") && !s.Roles.Any(r => r.Role == "senior-tutor")
            && probe.TutorGroups.Any(g => g.TutorStaffId == s.Id)).Select(s => s.Id).FirstAsync();
        var admin = await probe.StaffRoles.Where(r => r.Role == "administrator").Select(r => r.StaffId).FirstAsync();

        async Task<(int Rows, int Queries)> CountAsync(int staffId)
        {
            var counter = new CommandCounter();
            var options = new DbContextOptionsBuilder<CaseloadDbContext>(db.Selection.Options()).AddInterceptors(counter).Options;
            await using var context = new CaseloadDbContext(options);
            var viewer = (await Viewers.ForStaffAsync(context, staffId))!;
            var scope = await StudentScope.ForAsync(context, viewer);
            counter.Count = 0;
            var result = await new GetCaseload(context).HandleAsync(new GetCaseload.Request(scope, Today));
            return (result.Rows.Count, counter.Count);
        }

        var small = await CountAsync(tutor);
        var whole = await CountAsync(admin);
        Assert.True(whole.Rows >= 2 * small.Rows, $"{whole.Rows} vs {small.Rows}");
        Assert.Equal(small.Queries, whole.Queries);
        Assert.InRange(whole.Queries, 1, 10);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_cached_caseload_is_reused_until_the_data_changes_through_any_door(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);

        Task<GetCaseload.Result> CachedAsync() => db.RunAsync(async s =>
        {
            var context = s.GetRequiredService<CaseloadDbContext>();
            var id = await context.Staff.Where(x => x.ExternalId == "T001").Select(x => x.Id).SingleAsync();
            var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
            return await s.GetRequiredService<Caseload.Core.Features.Caseload.CaseloadCache>().HandleAsync(new GetCaseload.Request(scope, Today));
        });
        int PointsOf(GetCaseload.Result r, string student) => r.Rows.Single(x => x.ExternalId == student).BehaviourTerm;

        var first = await CachedAsync();
        Assert.Same(first, await CachedAsync()); // nothing changed: served from memory
        Assert.Equal(-2, PointsOf(first, "S1002"));

        // An import (bulk path, explicit transaction) makes the next request compute afresh.
        var imported = await db.ImportTextAsync(institution, "behaviour",
            "student_id,date,type,category,points,description,staff_id\nS1002,2026-11-20,positive,Effort,3,Real effort,T001\n");
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
        var afterImport = await CachedAsync();
        Assert.NotSame(first, afterImport);
        Assert.Equal(1, PointsOf(afterImport, "S1002"));

        // So does an edit through EF Core (the audit interceptor's path).
        await db.RunAsync(async s =>
        {
            var context = s.GetRequiredService<CaseloadDbContext>();
            var student = await context.Students.SingleAsync(x => x.ExternalId == "S1003");
            student.YoungCarer = !student.YoungCarer;
            return await context.SaveChangesAsync();
        });
        var afterEdit = await CachedAsync();
        Assert.NotSame(afterImport, afterEdit);
        Assert.Contains("Young carer", afterEdit.Rows.Single(x => x.ExternalId == "S1003").Flags);
    }

    private static async Task<GetCaseload.Result> CaseloadOfAsync(CaseloadDbContext context, string staff, int? tutor = null)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
        return await new GetCaseload(context).HandleAsync(new GetCaseload.Request(scope, Today, tutor));
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

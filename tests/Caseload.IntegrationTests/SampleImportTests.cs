using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests;

public sealed class SampleImportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_sample_file_imports_with_the_values_it_holds(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        var results = await db.ImportAllSamplesAsync(institution);

        Assert.Equal(10, results["staff"].Counts.Inserted); // T001–T006, T020–T023 (T022 has left)
        Assert.Equal(2, results["tutor-groups"].Counts.Inserted);
        Assert.Equal(5, results["students"].Counts.Inserted);
        Assert.Equal(6, results["enrolments"].Counts.Inserted);
        Assert.Equal(16, results["attendance"].Counts.Inserted);
        Assert.Equal(6, results["grades"].Counts.Inserted);
        Assert.Equal(4, results["behaviour"].Counts.Inserted);

        await using var context = db.NewContext();
        var s1001 = await context.Students.Include(s => s.TutorGroup).Include(s => s.House).SingleAsync(s => s.ExternalId == "S1001");
        Assert.Equal(new DateOnly(2010, 3, 14), s1001.DateOfBirth); // UK date 14/03/2010
        Assert.Equal(("12A", "Kestrel"), (s1001.TutorGroup!.Code, s1001.House!.Code));
        Assert.True(s1001.Disadvantaged && s1001.Eal && !s1001.Send);
        Assert.Equal(6.4m, s1001.PriorAttainment);
        Assert.Equal("O'Brien-Wong", (await context.Students.SingleAsync(s => s.ExternalId == "S1004")).LastName);
        Assert.Equal("Ollie", (await context.Students.SingleAsync(s => s.ExternalId == "S1002")).PreferredName);
        var s1005 = await context.Students.SingleAsync(s => s.ExternalId == "S1005");
        Assert.True(s1005.Disadvantaged && s1005.Eal && !s1005.MostAble); // 1/0 booleans

        var daniel = await context.Staff.Include(s => s.Roles).SingleAsync(s => s.ExternalId == "T002");
        Assert.Equal(["senior-tutor", "tutor"], daniel.Roles.Select(r => r.Role).Order());
        var team = await context.TutorTeamMembers.SingleAsync();
        Assert.Equal(daniel.Id, team.SeniorTutorStaffId);

        var late = await context.AttendanceMarks.SingleAsync(m => m.Date == new DateOnly(2026, 9, 8) && m.Session == "AM" && m.StudentId == s1001.Id);
        Assert.Equal(("L", (int?)12), (late.Code, late.MinutesLate));
        var ems = await context.AssessmentGrades.CountAsync();
        Assert.Equal(6, ems);
        Assert.Equal(new DateOnly(2026, 10, 16), (await context.DataPoints.SingleAsync()).Date);
        var bullying = await context.BehaviourEvents.SingleAsync(e => e.Category == "Bullying");
        Assert.Equal((BehaviourType.Negative, -3), (bullying.Type, bullying.Points));
        Assert.Equal("Unkind messages to another student; both spoken to", bullying.Description);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Weekly_summaries_match_the_hand_worked_register(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var weeks = await context.AttendanceWeeks.Join(context.Students, w => w.StudentId, s => s.Id, (w, s) => new { s.ExternalId, w })
            .ToDictionaryAsync(x => x.ExternalId, x => x.w);
        Assert.All(weeks.Values, w => Assert.Equal(new DateOnly(2026, 9, 7), w.WeekStart));

        // S1001: / \ L(12) \  -> 4 possible, all present, one late of 12 minutes.
        Assert.Equal((4, 4, 0, 0, 0, 0, 1, 12), Tuple(weeks["S1001"]));
        // S1002: I I U(35) N  -> 4 possible, 2 authorised, 2 unauthorised (U is late after close: unauthorised).
        Assert.Equal((4, 0, 0, 2, 2, 0, 1, 35), Tuple(weeks["S1002"]));
        // S1003: / V X X      -> X is not a possible session: 2 possible, 1 present, 1 approved activity.
        Assert.Equal((2, 1, 1, 0, 0, 2, 0, 0), Tuple(weeks["S1003"]));
        // S1004: / O (lessons P1, P2, UK dates) -> 2 possible, 1 present, 1 unauthorised.
        Assert.Equal((2, 1, 0, 0, 1, 0, 0, 0), Tuple(weeks["S1004"]));
    }

    private static (int, int, int, int, int, int, int, int) Tuple(AttendanceWeek w) =>
        (w.Possible, w.Present, w.ApprovedActivity, w.AuthorisedAbsence, w.UnauthorisedAbsence, w.NotPossible, w.Lates, w.MinutesLate);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_same_files_again_changes_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var before = await db.CountsAsync();

        db.Clock.Now = db.Clock.Now.AddHours(1);
        var again = await db.ImportAllSamplesAsync(institution, actor: "someone-else");
        foreach (var (kind, result) in again)
        {
            Assert.True(result.Counts.Inserted == 0 && result.Counts.Updated == 0, $"{kind} changed on re-import: {result.Counts}");
            Assert.Equal(result.Rows, result.Counts.Unchanged);
        }
        var after = await db.CountsAsync();
        after["import_runs"] -= Samples.Order.Length; // the only new rows: the record of each import
        Assert.Equal(before, after);
        await using var context = db.NewContext();
        Assert.All(await context.AttendanceMarks.ToListAsync(), m => Assert.Equal("test", m.RecordedBy));
        Assert.Empty(await context.AttendanceMarkChanges.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dry_run_checks_everything_and_writes_nothing_but_its_record(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        var before = await db.CountsAsync();
        var result = await db.ImportFileAsync(institution, "staff", Samples.PathOf("staff"), dryRun: true);
        Assert.Equal(ImportOutcome.DryRun, result.Outcome);
        Assert.Equal(10, result.Rows);
        var after = await db.CountsAsync();
        Assert.Equal(before["import_runs"] + 1, after["import_runs"]);
        after["import_runs"]--;
        Assert.Equal(before, after);
    }
}

public sealed class ReusedImporterTests
{
    [Fact]
    public async Task One_use_case_object_can_import_the_same_file_twice()
    {
        await using var db = await TestDatabase.CreateAsync("Sqlite");
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var results = await db.RunAsync(async s =>
        {
            var importer = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Caseload.Core.Features.Imports.Importer>(s);
            var list = new List<Caseload.Core.Features.Imports.ImportResult>();
            foreach (var kind in Samples.Order)
            {
                for (var i = 0; i < 2; i++)
                {
                    await using var stream = File.OpenRead(Samples.PathOf(kind));
                    list.Add(await importer.RunAsync(kind, new Caseload.Core.Features.Imports.ImportRequest(institution, kind + ".csv", stream, "test")));
                }
            }
            return list;
        });
        Assert.All(results, r => Assert.True(r.Succeeded && r.Counts.Unchanged == r.Rows, string.Join("\n", r.Problems)));
    }
}

using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests;

/// <summary>The command as a person types it: exit codes, output and file:line:column errors on stderr.</summary>
public sealed class CliTests
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(TestDatabase db, params string[] args) => db.RunCliAsync(args);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Casework_from_the_command_line_acts_as_a_member_of_staff_with_their_access(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        const string tutor = "grace.okafor@school.example"; // T001, tutor of 12A (S1001–S1003)

        var unknown = await RunAsync(db, "inbox", "--as", "nobody@school.example");
        Assert.Equal((2, "caseload: --as nobody@school.example: no active member of staff has that e-mail address"), (unknown.Exit, unknown.Err.Trim()));
        var notTheirs = await RunAsync(db, "cases", "open", "--as", tutor, "--student", "S1004", "--reason", "attendance", "--summary", "x");
        Assert.Equal((2, "caseload: --student S1004: no student with that id whom you may see"), (notTheirs.Exit, notTheirs.Err.Trim()));

        var opened = await RunAsync(db, "cases", "open", "--as", tutor, "--student", "S1002", "--reason", "attendance", "--summary", "Absent on Mondays");
        Assert.True(opened.Exit == 0, opened.Err);
        var caseId = opened.Out.Split(' ')[1];
        Assert.Equal($"case {caseId} opened at Stage 1; next review 2026-12-07", opened.Out.Trim());
        Assert.Equal(0, (await RunAsync(db, "cases", "move", "--as", tutor, "--case", caseId, "--version", "0", "--stage", "2", "--why", "No change")).Exit);
        var stale = await RunAsync(db, "cases", "move", "--as", tutor, "--case", caseId, "--version", "0", "--stage", "3", "--why", "Old copy");
        Assert.Equal(1, stale.Exit);
        Assert.Contains("was changed by Grace Okafor", stale.Err);
        Assert.Contains($"case {caseId}  version 1  Open    Stage 2  Attendance", (await RunAsync(db, "cases", "list", "--as", tutor, "--student", "S1002")).Out);

        // A safeguarding concern raised from the command line goes to the safeguarding team; its referrer's list hides the words.
        var raised = await RunAsync(db, "referrals", "raise", "--as", tutor, "--student", "S1002", "--category", "safeguarding", "--urgency", "urgent", "--what", "Bruise on the arm");
        Assert.True(raised.Exit == 0, raised.Err);
        Assert.EndsWith("sent to the safeguarding team", raised.Out.Trim());
        var mine = await RunAsync(db, "referrals", "list", "--as", tutor);
        Assert.Contains("Safeguarding concern", mine.Out);
        Assert.DoesNotContain("Bruise", mine.Out);
        // The safeguarding lead (T005) has it to answer; lists never print a restricted referral's words (its page does, audited).
        var dsl = (await RunAsync(db, "referrals", "list", "--as", "ruth.mensah@school.example")).Out;
        Assert.Contains("Sent to you or your team: 1", dsl);
        Assert.DoesNotContain("Bruise", dsl);
        Assert.Contains("OneToOneOverdue      Amira Hassan", (await RunAsync(db, "inbox", "--as", tutor)).Out); // not seen for a 1:1 this year

        // The procedure is the institution's: Stage 3 made the senior tutor's, reviewed weekly; a case moved there is theirs.
        var badOwner = await RunAsync(db, "stages", "--stage", "3", "--owner", "caretaker");
        Assert.Equal((1, "caseload: owner 'caretaker' is not a role that can own a stage; expected one of tutor, senior-tutor, progress-leader, senior-leader"), (badOwner.Exit, badOwner.Err.Trim()));
        var stages = await RunAsync(db, "stages", "--stage", "3", "--owner", "senior-tutor", "--review-days", "7");
        Assert.Contains("3  Stage 3    owner senior-tutor     review every   7 days  with the senior tutor and subject staff", stages.Out);
        Assert.Equal(0, (await RunAsync(db, "cases", "move", "--as", tutor, "--case", caseId, "--version", "1", "--stage", "3", "--why", "Needs the senior tutor")).Exit);
        await using var check = db.NewContext();
        var moved = await check.InterventionCases.AsNoTracking().SingleAsync(c => c.Id == long.Parse(caseId));
        Assert.Equal((await check.Staff.Where(x => x.ExternalId == "T002").Select(x => (int?)x.Id).SingleAsync(), new DateOnly(2026, 11, 30)), (moved.OwnerStaffId, moved.NextReview));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_every_sample_then_refuse_a_bad_file(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (exit, _, err) = await RunAsync(db, "import", "students", Samples.PathOf("students"));
        Assert.Equal(1, exit);
        Assert.Contains("there is no institution yet", err);

        Assert.Equal(0, (await RunAsync(db, "institution", "add", "--code", "RSFC", "--name", "Riverside")).Exit);
        foreach (var kind in Samples.Order)
        {
            var run = await RunAsync(db, "import", kind, Samples.PathOf(kind));
            Assert.True(run.Exit == 0, run.Err);
            Assert.Contains("rows:", run.Out);
        }
        var again = await RunAsync(db, "import", "attendance", Samples.PathOf("attendance"));
        Assert.Contains("16 rows: 0 added, 0 updated, 16 unchanged", again.Out);

        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "student_id,date,session,code\nS1001,2026-09-09,AM,/\nS1001,2026-13-09,AM,/\nS1001,2026-09-10,AM,Q9\n");
        try
        {
            var refused = await RunAsync(db, "import", "attendance", bad);
            Assert.Equal(1, refused.Exit);
            var lines = refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"{bad}:3:2: date '2026-13-09' is not a date; expected yyyy-MM-dd or dd/MM/yyyy", lines[0]);
            Assert.StartsWith($"{bad}:4:4: code 'Q9' is not in this institution's code table", lines[1]);
            Assert.Equal($"{bad}: refused: 2 problem(s) in 3 rows; nothing was written", lines[2]);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task An_unknown_kind_is_a_usage_error()
    {
        await using var db = await TestDatabase.CreateAsync("Sqlite");
        var (exit, _, err) = await RunAsync(db, "import", "timetable", "x.csv");
        Assert.NotEqual(0, exit);
        Assert.Contains("timetable", err);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Attendance_bands_are_set_per_institution_and_impossible_bands_are_refused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await RunAsync(db, "institution", "add", "--code", "RSFC", "--name", "Riverside")).Exit);
        Assert.Equal("RSFC: good from 95%, watch from 90%, low below 90%\n", (await RunAsync(db, "institution", "bands")).Out);
        Assert.Equal("RSFC: good from 96.5%, watch from 92%, low below 92%\n",
            (await RunAsync(db, "institution", "bands", "--good", "96.5", "--watch", "92")).Out);

        var refused = await RunAsync(db, "institution", "bands", "--watch", "97");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("the watch band must start below the good band; got good from 96.5, watch from 97", refused.Err);
        // Nothing half-saved: the bands are as they were, and pages read them from the institution.
        Assert.Equal("RSFC: good from 96.5%, watch from 92%, low below 92%\n", (await RunAsync(db, "institution", "bands")).Out);
        await using var context = db.NewContext();
        var institution = await context.Institutions.SingleAsync();
        var bands = await Caseload.Core.Features.Institutions.SetAttendanceBands.ReadAsync(context, institution.Id);
        Assert.Equal(Caseload.Core.Rules.AttendanceBand.Watch, bands.Of(96m));
    }
}

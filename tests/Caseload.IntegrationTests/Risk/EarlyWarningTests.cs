using System.Text;
using System.Text.Json;
using Caseload.Core.Domain;
using Caseload.Core.Features.Risk;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests.Risk;

/// <summary>Indicators, looking back without look-ahead, and weight sets, on both databases through the real CLI and imports.</summary>
public sealed class EarlyWarningTests
{
    private static async Task<StudentSummary> SummaryAsync(TestDatabase db, string externalId)
    {
        await using var context = db.NewContext();
        return await context.StudentSummaries.AsNoTracking().SingleAsync(s => s.StudentId == context.Students.Single(x => x.ExternalId == externalId).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_institution_indicator_is_defined_imported_and_counts_with_its_weight_and_bad_files_change_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        var before = await SummaryAsync(db, "S1003");

        var (exit, output, error) = await db.RunCliAsync("risk", "indicator", "add", "--code", "units-passed", "--name", "units passed last term",
            "--no-concern-at", "6", "--full-concern-at", "2", "--weight", "20");
        Assert.True(exit == 0, error);
        Assert.Contains("indicator units-passed (units passed last term): no concern at 6, full concern at 2; weight 20", output);
        (exit, _, error) = await db.RunCliAsync("risk", "indicator", "add", "--code", "attendance", "--name", "x", "--no-concern-at", "1", "--full-concern-at", "0");
        Assert.Equal(1, exit);
        Assert.Contains("indicator code 'attendance' is a built-in factor's name; expected another code", error);
        (exit, _, error) = await db.RunCliAsync("risk", "indicator", "add", "--code", "fees", "--name", "fees overdue", "--no-concern-at", "0", "--full-concern-at", "0");
        Assert.Equal(1, exit);
        Assert.Contains("no concern and full concern are both at 0; expected two different values", error);

        // Every bad row reported at file:line:column, and nothing written.
        var bad = await db.ImportTextAsync(institution, "indicators",
            "student_id,indicator,value,date\nS1001,units-passed,abc,2026-11-01\nS1002,fees,1,2026-11-01\nS1003,units-passed,2,2027-01-01\n"
            + "S1004,units-passed,3,2026-11-01\nS1004,units-passed,4,2026-11-01\n", "units.csv");
        Assert.False(bad.Succeeded);
        Assert.Equal(
        [
            "units.csv:2:3: value 'abc' is not a number from -99999999 to 99999999",
            "units.csv:3:2: indicator 'fees' is not defined; expected one of units-passed (or define it with 'caseload risk indicator add')",
            "units.csv:4:4: date 2027-01-01 is after today (2026-11-23); expected the day the value was true, today or before",
            "units.csv:6:1: this student's units-passed for 2026-11-01 appears again (first on line 5); expected one value per student, indicator and day",
        ], bad.Problems.Select(p => p.ToString()));
        await using (var context = db.NewContext())
        {
            Assert.Equal(0, await context.IndicatorValues.CountAsync());
        }

        // S1003 passed 3 units (an older value of 6 is superseded): (3 − 6) / (2 − 6) = 0.75 × 20 = 15.0 more, with the reason.
        var good = await db.ImportTextAsync(institution, "indicators", "student_id,indicator,value,date\nS1003,units-passed,6,2026-06-30\nS1003,units-passed,3,2026-11-01\n", "units.csv");
        Assert.True(good.Succeeded, string.Join("\n", good.Problems));
        var after = await SummaryAsync(db, "S1003");
        Assert.Equal(before.RiskPoints + 15.0m, after.RiskPoints);
        Assert.Contains("units passed last term: 3", after.RiskReasons);
        // Importing the same file again changes nothing.
        var again = await db.ImportTextAsync(institution, "indicators", "student_id,indicator,value,date\nS1003,units-passed,6,2026-06-30\nS1003,units-passed,3,2026-11-01\n", "units.csv");
        Assert.Equal(new Caseload.Core.Features.Imports.ImportCounts(0, 0, 2), again.Counts);
        await using (var context = db.NewContext())
        {
            Assert.Equal(2, await context.IndicatorValues.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Looking_back_nothing_recorded_after_the_day_changes_the_scores(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.Equal(0, (await db.RunCliAsync("risk", "indicator", "add", "--code", "units-passed", "--name", "units passed", "--no-concern-at", "6", "--full-concern-at", "2")).Exit);
        var asOf = new DateOnly(2026, 10, 16);
        List<int> ids;
        await using (var context = db.NewContext())
        {
            ids = await context.Students.Where(s => s.InstitutionId == institution).Select(s => s.Id).ToListAsync();
        }
        Task<string> SnapshotAsync(DateOnly day) => db.RunAsync(async s =>
        {
            var inputs = await s.GetRequiredService<RiskHistory>().InputsAsync(institution, ids, day, default);
            return JsonSerializer.Serialize(inputs.OrderBy(i => i.Key).ToList());
        });
        var then = await SnapshotAsync(asOf);
        var now = await SnapshotAsync(DateOnly.FromDateTime(db.Clock.Now.UtcDateTime));

        // After 16 October: a lesson missed, a grade fallen at a later data point, behaviour, an indicator value, a case and a referral.
        Assert.True((await db.ImportTextAsync(institution, "attendance", "student_id,date,session,code,minutes_late\nS1001,2026-11-16,AM,O,\nS1001,2026-11-16,PM,O,\n")).Succeeded);
        Assert.True((await db.ImportTextAsync(institution, "grades", "student_id,course_code,data_point,grade,date\nS1001,ALMAT,Autumn 2,E,2026-11-13\n")).Succeeded);
        Assert.True((await db.ImportTextAsync(institution, "behaviour", "student_id,date,type,category,points,description,staff_id\nS1001,2026-11-02,negative,Disruption,-5,Shouting,T003\n")).Succeeded);
        Assert.True((await db.ImportTextAsync(institution, "indicators", "student_id,indicator,value,date\nS1001,units-passed,1,2026-11-01\n")).Succeeded);
        await using (var context = db.NewContext())
        {
            var s1001 = await context.Students.SingleAsync(s => s.ExternalId == "S1001");
            var raiser = await context.Staff.FirstAsync(s => s.InstitutionId == institution);
            context.InterventionCases.Add(new InterventionCase { InstitutionId = institution, StudentId = s1001.Id, Stage = 2, Reason = default, Summary = "x", OpenedOn = DateOnly.FromDateTime(db.Clock.Now.UtcDateTime), NextReview = DateOnly.FromDateTime(db.Clock.Now.UtcDateTime).AddDays(14), CreatedBy = "t", UpdatedBy = "t" });
            context.Referrals.Add(new Referral { InstitutionId = institution, StudentId = s1001.Id, What = "x", RaisedByStaffId = raiser.Id, RaisedAt = db.Clock.GetUtcNow().UtcDateTime });
            await context.SaveChangesAsync();
        }

        Assert.Equal(then, await SnapshotAsync(asOf));
        // The same data as of today does see them (so the comparison above could have failed).
        Assert.NotEqual(now, await SnapshotAsync(DateOnly.FromDateTime(db.Clock.Now.UtcDateTime)));

        // A day after today is refused.
        var (exit, _, error) = await db.RunCliAsync("risk", "evaluate", "--outcomes", Samples.PathOf("outcomes"), "--as-of", "2026-12-25");
        Assert.NotEqual(0, exit);
        Assert.Contains("--as-of 2026-12-25 is after today (2026-11-23); expected a day on or before today", error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Weight_sets_are_kept_and_restored_and_fitting_refuses_too_little_history(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        Assert.Equal(70, (await SummaryAsync(db, "S1002")).RiskScore);

        var (exit, _, error) = await db.RunCliAsync("risk", "weights", "--set", "attendance=0");
        Assert.True(exit == 0, error);
        Assert.Equal(40, (await SummaryAsync(db, "S1002")).RiskScore);   // 70 less attendance's 30
        (exit, var output, _) = await db.RunCliAsync("risk", "weights", "--history");
        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.Contains("manual", lines[0]);     // newest first
        Assert.Contains("attendance=0,", lines[1]);
        Assert.Contains("default", lines[2]);     // the weights before the first change, kept
        var defaultSet = lines[2].Trim().Split(' ')[0];
        (exit, _, error) = await db.RunCliAsync("risk", "weights", "--restore", defaultSet);
        Assert.True(exit == 0, error);
        Assert.Equal(70, (await SummaryAsync(db, "S1002")).RiskScore);
        (exit, _, error) = await db.RunCliAsync("risk", "weights", "--restore", "9999");
        Assert.Equal(1, exit);
        Assert.Contains("there is no weight set 9999", error);
        await using (var context = db.NewContext())
        {
            Assert.Equal(3, await context.RiskWeightSets.CountAsync(s => s.InstitutionId == institution));
            Assert.True(await context.AuditEvents.AnyAsync(a => a.Entity == nameof(RiskWeightSet)));
        }

        // The samples hold 5 students: too few to learn from; one kind of outcome cannot be learned from either.
        var outcomes = Path.GetTempFileName();
        await File.WriteAllTextAsync(outcomes, "student_id,outcome\nS1001,completed\nS1002,withdrawn\nS1003,completed\n");
        (exit, _, error) = await db.RunCliAsync("risk", "fit", "--outcomes", outcomes);
        Assert.Equal(1, exit);
        Assert.Contains("outcomes for 3 students; fitting needs at least 20 with an outcome", error);
        await db.RunAsync(async s =>
        {
            var few = await Assert.ThrowsAsync<Core.ValidationException>(() => s.GetRequiredService<FitRiskWeights>().HandleAsync(institution, "o.csv",
                new MemoryStream(Encoding.UTF8.GetBytes("student_id,outcome\nS1001,completed\nS1002,completed\n")), null, false));
            Assert.Contains("fitting needs at least 20", few.Message);
            return 0;
        });
        File.Delete(outcomes);
    }

    [Fact]
    public async Task On_the_demo_fitting_beats_the_defaults_and_every_factor_alone_and_applied_scores_are_chances_until_restored()
    {
        await using var db = await TestDatabase.CreateAsync("Sqlite");
        var (exit, _, error) = await db.RunCliAsync("demo");
        Assert.True(exit == 0, error);
        int institution;
        await using (var context = db.NewContext())
        {
            institution = await context.Institutions.Select(i => i.Id).SingleAsync();
        }
        var fit = await db.RunAsync(async s =>
        {
            s.GetRequiredService<Core.Data.AuditActor>().Name = "test";
            await using var stream = File.OpenRead(Samples.PathOf("outcomes"));
            return await s.GetRequiredService<FitRiskWeights>().HandleAsync(institution, "outcomes.csv", stream, null, apply: true);
        });
        Assert.Equal((1200, 212), (fit.Fitted!.Students, fit.Fitted.Positives));
        var best = fit.Factors.Max(f => f.Auc!.Value);
        Assert.True(fit.Fitted.Auc >= best, $"fitted {fit.Fitted.Auc} against the best single factor {best}");
        Assert.True(fit.Fitted.Auc >= fit.Current!.Auc, $"fitted {fit.Fitted.Auc} against the defaults {fit.Current.Auc}");
        Assert.True(fit.Fitted.AucInterval!.Value.Low < fit.Fitted.Auc && fit.Fitted.Auc < fit.Fitted.AucInterval.Value.High);
        Assert.InRange(fit.FittedBrier, 0.01, 0.2);
        // Grades are what the invented outcomes lean on most, so progress weighs most; the score is now a chance in per cent.
        Assert.Equal("progress", fit.Factors.MaxBy(f => f.Coefficient)!.Name);
        Assert.True(fit.Applied);
        await using (var context = db.NewContext())
        {
            var weights = RiskWeights.FromStored(await context.Institutions.Select(i => i.RiskWeights).SingleAsync());
            Assert.True(weights.IsFitted);
            var sets = await context.RiskWeightSets.OrderBy(s => s.Id).ToListAsync();
            Assert.Equal(["default", "fitted"], sets.Select(s => s.Source));
            Assert.Contains("fitted on 1200 students (212 withdrew or failed)", sets[1].Summary);
            var scores = await context.StudentSummaries.Select(s => s.RiskPoints).ToListAsync();
            Assert.All(scores, p => Assert.InRange(p, 0m, 100m));
            // Calibrated on the history: the mean chance is close to the share who withdrew or failed (17.7%).
            Assert.InRange(scores.Average(), 12m, 24m);
        }
        // A weight by hand does not fit among fitted coefficients: refused, and the indicator not saved.
        (exit, _, error) = await db.RunCliAsync("risk", "indicator", "add", "--code", "fees", "--name", "fees overdue", "--no-concern-at", "0", "--full-concern-at", "500", "--weight", "5");
        Assert.Equal(1, exit);
        Assert.Contains("the current weights were fitted on outcomes", error);
        await using (var context = db.NewContext())
        {
            Assert.Equal(0, await context.RiskIndicators.CountAsync());
        }

        // The defaults back, and every score with them.
        await using (var context = db.NewContext())
        {
            var first = await context.RiskWeightSets.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            (exit, _, error) = await db.RunCliAsync("risk", "weights", "--restore", first.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(exit == 0, error);
        }
        await using (var context = db.NewContext())
        {
            Assert.Equal(RiskWeights.Default, RiskWeights.FromStored(await context.Institutions.Select(i => i.RiskWeights).SingleAsync()));
            var severe = await context.StudentSummaries.Where(s => s.YearPossible > 0 && (s.YearPresent + s.YearApproved) * 2 < s.YearPossible).Select(s => s.RiskScore).ToListAsync();
            Assert.All(severe, score => Assert.True(score >= 40));
        }
    }
}

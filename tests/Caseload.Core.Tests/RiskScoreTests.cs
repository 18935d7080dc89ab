using Caseload.Core.Rules;

namespace Caseload.Core.Tests;

/// <summary>The early-warning score against sums worked by hand (default weights: 30/15/15/10/10/20/5/0/5/5/0).</summary>
public sealed class RiskScoreTests
{
    private static AttendanceFigures Figures(int possible, int attended, int lates = 0, int afterClose = 0) =>
        new(possible, attended, 0, 0, possible - attended, lates, afterClose, 0);

    private static RiskInputs Inputs(AttendanceFigures? year = null, AttendanceFigures? term = null, decimal? trend = null, int behaviour = 0,
        CourseMargin[]? margins = null, int fallen = 0, int dropped = 0, string? droppedSubject = null, string[]? flags = null, int overdue = 0) =>
        new(year ?? AttendanceFigures.Empty, term ?? AttendanceFigures.Empty, trend, behaviour, margins ?? [], fallen, dropped, droppedSubject, flags ?? [], overdue);

    [Fact]
    public void The_issue_example_adds_up_to_one_decimal_and_explains_itself()
    {
        // Attendance 84% (84/100): (95 − 84) / 20 = 0.55 × 30 = 16.5.
        // Down 6 points: (6 − 2) / 10 = 0.4 × 15 = 6.0.
        // 3 lates in 50 possible this term: (0.06 − 0.02) / 0.13 = 0.3077 × 10 = 3.077 → 3.1.
        // Chemistry (the only course) two grades below: concern (1 + 2) / 4 = 0.75; (worst 0.75 + mean 0.75) / 2 × 20 = 15.0.
        // Total 16.5 + 6.0 + 3.1 + 15.0 = 40.6, shown as 41.
        var risk = RiskScore.Assess(Inputs(Figures(100, 84), Figures(50, 45, lates: 3), -6m, margins: [new("Chemistry", -2)]), RiskWeights.Default);
        Assert.Equal(40.6m, risk.Points);
        Assert.Equal(41, risk.Score);
        Assert.Equal(
            ["attendance 84% this year (persistent absence)", "Chemistry two grades below target", "attendance down 6 points in the last 4 weeks", "3 lates this term"],
            risk.Factors.Select(f => f.Words));
        Assert.Equal([16.5m, 15.0m, 6.0m, 3.1m], risk.Factors.Select(f => f.Points));
    }

    [Fact]
    public void A_student_with_nothing_wrong_scores_zero_with_no_reasons()
    {
        var (score, factors) = RiskScore.Assess(Inputs(Figures(100, 97), Figures(40, 39, lates: 0), 1m, behaviour: 5, margins: [new("Maths", 1)], flags: ["EAL", "Most able"]), RiskWeights.Default);
        Assert.Equal(0, score);
        Assert.Empty(factors);
    }

    [Fact]
    public void Every_factor_at_its_worst_scores_the_sum_of_the_weights()
    {
        // 50% attendance (severe), down 20 points, 10 lates in 20 sessions, −30 behaviour, 4 subjects 3 below,
        // 3 grades fallen, looked after and young carer, 5 reasons overdue: every severity is 1 → 115, stopped at 100.
        // Prior attainment and casework weigh 0 by default, so they add nothing.
        var inputs = Inputs(Figures(100, 50), Figures(20, 10, 10, 4), -20m, -30, [new("Maths", -3), new("Physics", -3), new("Art", -4), new("History", -3)], 3, 2, "Physics",
            ["Looked after", "Young carer"], 5) with
        { PriorAttainment = 3m, CaseStage = 4 };
        var risk = RiskScore.Assess(inputs, RiskWeights.Default);
        Assert.Equal(100, risk.Score);
        Assert.Equal(115m, risk.Factors.Sum(f => f.Points));
        Assert.Equal(9, risk.Factors.Count);
        var words = risk.Factors.Select(f => f.Words).ToList();
        Assert.Contains("severe absence: 50% attendance, missing at least half of school", words);
        Assert.Contains("attendance 50% this year (severe absence)", words);
        Assert.Contains("10 lates this term (4 after the register closed)", words);
        Assert.Contains("4 subjects below target (worst: Art, 4 grades)", words);
        Assert.Contains("2 subjects' grades fell at the last data drop", words);
        Assert.Contains("looked after, young carer", words);
        Assert.Contains("5 absences still have no reason after 5 school days", words);
    }

    [Theory]
    // Attendance alone, every other factor clear. Attendance (95 − a) / 20 × 30, at most 30; severe absence (60 − a) / 10 × 15.
    // 32.7%: 30 + 15 = 45 (high: 40 or more). 50%: 30 + 15 = 45. 55%: 30 + 7.5 = 37.5 → 38. 60%: 30 + 0 = 30. 85%: 15.
    [InlineData(1000, 327, 45)]
    [InlineData(100, 50, 45)]
    [InlineData(100, 55, 38)]
    [InlineData(100, 60, 30)]
    [InlineData(100, 85, 15)]
    public void Severe_absence_makes_a_student_high_risk_on_its_own(int possible, int attended, int expected)
    {
        var (score, _) = RiskScore.Assess(Inputs(Figures(possible, attended)), RiskWeights.Default);
        Assert.Equal(expected, score);
        Assert.Equal(expected >= 40, score >= 40);
    }

    [Fact]
    public void Progress_counts_at_and_above_target_too()
    {
        // One course exactly on target: concern 1/4; (0.25 + 0.25) / 2 × 20 = 5.0.
        var onTarget = RiskScore.Assess(Inputs(margins: [new("Chemistry", 0)]), RiskWeights.Default);
        Assert.Equal(5.0m, onTarget.Points);
        Assert.Equal(["Chemistry on target with no grade to spare"], onTarget.Factors.Select(f => f.Words));
        // Two above, on target, one below: concerns 0, 1/4, 1/2; worst 0.5, mean 0.25 → 0.375 × 20 = 7.5.
        var mixed = RiskScore.Assess(Inputs(margins: [new("Art", 2), new("Biology", 0), new("Physics", -1)]), RiskWeights.Default);
        Assert.Equal(7.5m, mixed.Points);
        Assert.Equal(["Physics one grade below target"], mixed.Factors.Select(f => f.Words));
        // A grade above target on every course: no concern, so a student exactly at target ranks above them.
        Assert.Equal(0m, RiskScore.Assess(Inputs(margins: [new("Art", 1), new("Biology", 3)]), RiskWeights.Default).Points);
        // Grades fallen since the data point before, added over courses: 2 of 3 → 2/3 × 5 = 3.3.
        Assert.Equal(3.3m, RiskScore.Assess(Inputs(fallen: 2, dropped: 1, droppedSubject: "Art"), RiskWeights.Default).Points);
    }

    [Fact]
    public void Small_contributions_count_for_ranking_but_are_not_mentioned()
    {
        // 94.8%: (95 − 94.8) / 20 × 30 = 0.3 — counted, not mentioned, shown as 0. 94.5%: 0.75 → 0.8, mentioned.
        var small = RiskScore.Assess(Inputs(Figures(1000, 948)), RiskWeights.Default);
        Assert.Equal((0.3m, 0), (small.Points, small.Score));
        Assert.Empty(small.Factors);
        Assert.Equal(0.8m, Assert.Single(RiskScore.Assess(Inputs(Figures(1000, 945)), RiskWeights.Default).Factors).Points);
        // 84.0% and 84.2% are both shown as 16 but do not tie: 16.5 against 16.2.
        Assert.Equal(16.2m, RiskScore.Assess(Inputs(Figures(1000, 842)), RiskWeights.Default).Points);
    }

    [Fact]
    public void Prior_attainment_casework_and_indicators_count_when_weighted()
    {
        var weights = RiskWeights.Default.With("prior-attainment", 10).With("casework", 8).With("units-passed", 20);
        // Prior attainment 5.0: (6 − 5) / 2 = 0.5 × 10 = 5.0. A value above 9 is another baseline: nothing.
        Assert.Equal(5.0m, RiskScore.Assess(Inputs() with { PriorAttainment = 5m }, weights).Points);
        Assert.Equal(0m, RiskScore.Assess(Inputs() with { PriorAttainment = 105m }, weights).Points);
        // Stage 2 case and one open referral: 2/4 + 1/4 = 0.75 × 8 = 6.0.
        var casework = RiskScore.Assess(Inputs() with { CaseStage = 2, OpenReferrals = 1 }, weights);
        Assert.Equal(6.0m, casework.Points);
        Assert.Equal(["intervention case at stage 2; 1 open referral"], casework.Factors.Select(f => f.Words));
        // Units passed: no concern at 6, full at 2 (lower is worse); 3 passed → (3 − 6) / (2 − 6) = 0.75 × 20 = 15.0; 7 → 0.
        IndicatorReading Units(decimal v) => new("units-passed", "units passed last term", v, 6m, 2m);
        var units = RiskScore.Assess(Inputs() with { Indicators = [Units(3m)] }, weights);
        Assert.Equal(15.0m, units.Points);
        Assert.Equal(["units passed last term: 3"], units.Factors.Select(f => f.Words));
        Assert.Equal(0m, RiskScore.Assess(Inputs() with { Indicators = [Units(7m)] }, weights).Points);
        // With the default weights (0) none of them counts.
        Assert.Equal(0m, RiskScore.Assess(Inputs() with { PriorAttainment = 4m, CaseStage = 4, Indicators = [Units(0m)] }, RiskWeights.Default).Points);
    }

    [Fact]
    public void A_fitted_set_scores_the_chance_and_shares_it_out_by_contribution()
    {
        // Intercept −2; attendance 2, flags 1. 85% attendance (severity 0.5), one flag (0.5): z = −2 + 1 + 0.5 = −0.5;
        // chance 1 / (1 + e^0.5) = 37.75% → 37.8. Everything clear: 1 / (1 + e^2) = 11.92%. The 25.88 above it is shared
        // 1 : 0.5 — attendance 17.25 → 17.3, flags 8.63 → 8.6.
        var fitted = RiskWeights.Fitted(-2m, new Dictionary<string, decimal> { ["attendance"] = 2m, ["flags"] = 1m });
        var risk = RiskScore.Assess(Inputs(Figures(100, 85), flags: ["SEND"]), fitted);
        Assert.Equal(37.8m, risk.Points);
        Assert.Equal(38, risk.Score);
        Assert.Equal([("attendance", 17.3m), ("flags", 8.6m)], risk.Factors.Select(f => (f.Name, f.Points)));
        Assert.Equal(11.9m, RiskScore.Assess(Inputs(), fitted).Points);
        Assert.Equal(fitted, RiskWeights.FromStored(fitted.ToString()));
        Assert.True(RiskWeights.FromStored(fitted.ToString()).IsFitted);
    }

    [Fact]
    public void Weights_change_the_score_and_a_zero_weight_removes_the_factor()
    {
        // Behaviour −10: severity 0.5. Default weight 10 → 5; weight 40 → 20; weight 0 → no factor.
        var inputs = Inputs(behaviour: -10);
        Assert.Equal(5, RiskScore.Assess(inputs, RiskWeights.Default).Score);
        Assert.Equal(20, RiskScore.Assess(inputs, RiskWeights.Default.With("behaviour", 40)).Score);
        Assert.Empty(RiskScore.Assess(inputs, RiskWeights.Default.With("behaviour", 0)).Factors);
    }

    [Fact]
    public void Weights_read_and_write_as_factor_weight_pairs()
    {
        Assert.True(RiskWeights.TryParse("attendance=40, behaviour=0", RiskWeights.Default, [], out var w, out _));
        Assert.Equal((40m, 0m, 15m), (w["attendance"], w["behaviour"], w["severe-absence"]));
        Assert.Equal(w, RiskWeights.FromStored(w.ToString()));
        Assert.False(RiskWeights.TryParse("attendence=40", RiskWeights.Default, [], out _, out var error));
        Assert.Contains("expected one of attendance, severe-absence, attendance-trend", error);
        // Weights stored before severe absence existed take its default.
        Assert.Equal(15m, RiskWeights.FromStored("attendance=30,attendance-trend=15,punctuality=10,behaviour=10,progress=20,progress-trend=5,flags=5,reasons-overdue=5")["severe-absence"]);
        Assert.False(RiskWeights.TryParse("attendance=-3", RiskWeights.Default, [], out _, out error));
        Assert.Equal("the weight of attendance is '-3'; expected a whole number from 0 to 100", error);
        Assert.Equal(RiskWeights.Default, RiskWeights.FromStored(null));
        // An indicator may be weighted once defined; weights that would make every score 0 are refused.
        Assert.False(RiskWeights.TryParse("units-passed=10", RiskWeights.Default, [], out _, out _));
        Assert.True(RiskWeights.TryParse("units-passed=10", RiskWeights.Default, ["units-passed"], out w, out _));
        Assert.Equal(10m, w["units-passed"]);
        Assert.False(RiskWeights.TryParse(string.Join(",", RiskWeights.Names.Select(n => $"{n}=0")), RiskWeights.Default, [], out _, out error));
        Assert.Equal("every weight would be 0, so every score would be 0; expected at least one factor with a weight above 0", error);
    }
}

/// <summary>The fit on tiny data sets with known answers.</summary>
public sealed class RiskModelTests
{
    [Fact]
    public void A_factor_that_separates_the_outcomes_gets_the_largest_weight_and_noise_and_the_contrary_get_about_nothing()
    {
        // 40 students, 10 of whom withdrew. Factor 0 is 1 exactly for them; factor 1 is noise (1 for every other student
        // in each group); factor 2 is 1 only for students who completed (it marks the ones who did better); factor 3 is never set.
        var x = new List<IReadOnlyList<double>>();
        var y = new List<bool>();
        for (var i = 0; i < 40; i++)
        {
            var bad = i < 10;
            x.Add([bad ? 1 : 0, i % 2, bad ? 0 : (i % 3 == 0 ? 1 : 0), 0]);
            y.Add(bad);
        }
        var fit = RiskModel.Train(x, y);
        Assert.True(fit.Coefficients[0] > 1, $"the separating factor's coefficient {fit.Coefficients[0]}");
        Assert.True(fit.Coefficients[0] > 10 * Math.Abs(fit.Coefficients[1]), $"noise {fit.Coefficients[1]} against {fit.Coefficients[0]}");
        Assert.True(Math.Abs(fit.Coefficients[1]) < 0.1, $"noise {fit.Coefficients[1]}");
        Assert.Equal(0, fit.Coefficients[2]);  // never negative: it cannot lower the score
        Assert.Equal(0, fit.Coefficients[3]);
        Assert.True(fit.Chance([1, 0, 0, 0]) > 0.5 && fit.Chance([0, 0, 0, 0]) < 0.2);
        // Cross-validated, the separating factor still puts every student who withdrew above every one who completed.
        var chances = RiskModel.CrossValidate(x, y);
        Assert.Equal(1.0, RiskEvaluation.Auc([.. chances.Select((c, i) => (c, y[i]))]));
    }
}

public sealed class ProgressTests
{
    [Theory]
    [InlineData(3, 5, ProgressStatus.Below, "two grades below target", -2)]
    [InlineData(5, 5, ProgressStatus.On, "on target", 0)]
    [InlineData(6, 5, ProgressStatus.Above, "one grade above target", 1)]
    public void A_grade_compares_with_its_target_in_grades_of_the_scale(int grade, int target, ProgressStatus status, string words, int gap)
    {
        Assert.Equal(status, Progress.Status(grade, target));
        Assert.Equal(words, Progress.Describe(grade, target));
        Assert.Equal(gap, Progress.Gap(grade, target));
    }

    [Fact]
    public void Change_since_the_last_data_point()
    {
        Assert.Equal("up one grade", Progress.Change(4, 3));
        Assert.Equal("down two grades", Progress.Change(2, 4));
        Assert.Equal("no change", Progress.Change(4, 4));
        Assert.Null(Progress.Change(4, null));
    }
}

public sealed class TargetTableTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A-LEVEL"] = ["A*", "A", "B", "C", "D", "E", "U"],
    };

    private static TargetTableRow Row(int line, decimal from, decimal to, string grade, string scale = "A-LEVEL") => new(line, scale, from, to, grade);

    [Fact]
    public void A_table_covering_0_to_9_once_is_sound_and_looks_up_by_band()
    {
        TargetTableRow[] rows = [Row(2, 0, 5, "D"), Row(3, 5, 6.5m, "B"), Row(4, 6.5m, 9, "A")];
        Assert.Empty(TargetTable.Check(rows, Scales));
        var bands = rows.Select(r => (r.Scale, r.From, r.To, r.Grade)).ToList();
        Assert.Equal("D", TargetTable.Lookup(bands, "A-LEVEL", 4.99m));
        Assert.Equal("B", TargetTable.Lookup(bands, "A-LEVEL", 5m));   // the lower bound is in the band
        Assert.Equal("A", TargetTable.Lookup(bands, "A-LEVEL", 6.5m));
        Assert.Equal("A", TargetTable.Lookup(bands, "A-LEVEL", 9m));   // the top band includes 9
        Assert.Null(TargetTable.Lookup(bands, "BTEC-EC", 6m));
        Assert.Null(TargetTable.Lookup(bands, "A-LEVEL", null));
    }

    [Fact]
    public void Gaps_and_overlaps_are_refused_with_the_line_and_what_was_expected()
    {
        var problems = TargetTable.Check([Row(2, 0, 5, "D"), Row(3, 5.5m, 7, "B"), Row(4, 6.5m, 8, "A")], Scales);
        Assert.Equal(
        [
            (3, "A-LEVEL: no band covers 5 to 5.5 (a gap); expected this band to start at 5"),
            (4, "A-LEVEL: the band 6.5 to 8 overlaps the band on line 3, which runs to 7; expected it to start at 7"),
            (4, "A-LEVEL: no band covers 8 to 9 (a gap); expected the last band to reach 9"),
        ], problems);
    }

    [Fact]
    public void Grades_off_the_scale_unknown_scales_and_backward_bands_are_refused()
    {
        var problems = TargetTable.Check([Row(2, 0, 9, "Z"), Row(3, 0, 9, "P", "NOPE"), Row(4, 5, 3, "A", "A-LEVEL")], Scales).Select(p => p.Message).ToList();
        Assert.Contains("grade 'Z' is not on the A-LEVEL scale; expected one of A*, A, B, C, D, E, U", problems);
        Assert.Contains("there is no grade scale 'NOPE'; expected one of A-LEVEL", problems);
        Assert.Contains("the band 5 to 3 is not a range within 0 to 9; expected from < to", problems);
    }

    [Fact]
    public void The_shipped_default_table_is_sound()
    {
        var scales = Features.Institutions.DefaultGradeScales.For(1).ToDictionary(s => s.Code, s => (IReadOnlyList<string>)[.. s.Grades.Select(g => g.Code)], StringComparer.OrdinalIgnoreCase);
        var rows = Features.Institutions.DefaultTargetTable.Rows.Select((r, i) => new TargetTableRow(i + 2, r.Scale, r.From, r.To, r.Grade)).ToList();
        Assert.Empty(TargetTable.Check(rows, scales));
        Assert.Equal(6, rows.Select(r => r.Scale).Distinct().Count());
    }
}

public sealed class RiskEvaluationTests
{
    [Fact]
    public void Perfect_separation_has_an_AUC_of_1_and_full_precision_at_the_top()
    {
        // 10 students: the 2 who withdrew scored 90 and 80, the rest 0–70.
        var cases = new List<(double, bool)> { (90, true), (80, true) };
        cases.AddRange(Enumerable.Range(0, 8).Select(i => (i * 10.0, false)));
        var r = RiskEvaluation.Evaluate(cases);
        Assert.Equal(1m, r.Auc);
        Assert.Equal((1, 1, 1m, 0.5m), (r.Top[0].Students, r.Top[0].Positives, r.Top[0].Precision, r.Top[0].Recall)); // top 10% = 1 student
        Assert.Equal((2, 2, 1m, 1m), (r.Top[1].Students, r.Top[1].Positives, r.Top[1].Precision, r.Top[1].Recall));   // top 20% = 2
    }

    [Fact]
    public void A_hand_worked_AUC_with_a_tie()
    {
        // Positives scored 30 and 10; negatives 20 and 10. Pairs: (30>20) 1, (30>10) 1, (10<20) 0, (10=10) ½ → 2.5 / 4 = 0.625.
        var r = RiskEvaluation.Evaluate([(30, true), (10, true), (20, false), (10, false)]);
        Assert.Equal(0.625m, r.Auc);
        Assert.Equal(2, r.Positives);
    }

    [Fact]
    public void The_calibration_table_counts_students_and_outcomes_per_band_of_10_points()
    {
        var r = RiskEvaluation.Evaluate([(5, false), (8, true), (15, false), (95, true), (100, true)]);
        Assert.Equal((2, 1), (r.Calibration[0].Students, r.Calibration[0].Positives));
        Assert.Equal(0.5m, r.Calibration[0].Rate);
        Assert.Equal((1, 0), (r.Calibration[1].Students, r.Calibration[1].Positives));
        Assert.Equal((90, 100, 2, 2), (r.Calibration[9].From, r.Calibration[9].To, r.Calibration[9].Students, r.Calibration[9].Positives));
        Assert.Null(r.Calibration[5].Rate);
    }

    [Fact]
    public void The_bootstrap_interval_holds_the_AUC_and_the_Brier_score_is_hand_worked()
    {
        var separated = new List<(double, bool)>();
        separated.AddRange(Enumerable.Range(0, 10).Select(i => (50.0 + i, true)));
        separated.AddRange(Enumerable.Range(0, 30).Select(i => ((double)i, false)));
        Assert.Equal((1m, 1m), RiskEvaluation.Interval(separated, 200));
        // 40 students half right: the interval is wide and holds the AUC.
        var mixed = Enumerable.Range(0, 40).Select(i => ((double)(i % 7), i % 3 == 0)).ToList();
        var r = RiskEvaluation.Evaluate(mixed, 500);
        Assert.True(r.AucInterval!.Value.Low <= r.Auc && r.Auc <= r.AucInterval.Value.High && r.AucInterval.Value.Low < r.AucInterval.Value.High);
        // (0.8 − 1)² + (0.2 − 0)² + (0.5 − 1)² = 0.04 + 0.04 + 0.25 = 0.33; / 3 = 0.11.
        Assert.Equal(0.11, RiskEvaluation.Brier([(0.8, true), (0.2, false), (0.5, true)]), 10);
    }

    [Fact]
    public void No_AUC_without_both_outcomes()
    {
        Assert.Null(RiskEvaluation.Evaluate([(10, false), (20, false)]).Auc);
    }
}

using Caseload.Core.Rules;

namespace Caseload.Core.Tests;

/// <summary>The early-warning score against sums worked by hand (default weights: 30/15/10/10/20/5/5/5).</summary>
public sealed class RiskScoreTests
{
    private static AttendanceFigures Figures(int possible, int attended, int lates = 0, int afterClose = 0) =>
        new(possible, attended, 0, 0, possible - attended, lates, afterClose, 0);

    private static RiskInputs Inputs(AttendanceFigures? year = null, AttendanceFigures? term = null, decimal? trend = null, int behaviour = 0,
        int below = 0, int gap = 0, string? subject = null, int dropped = 0, string? droppedSubject = null, string[]? flags = null, int overdue = 0) =>
        new(year ?? AttendanceFigures.Empty, term ?? AttendanceFigures.Empty, trend, behaviour, below, gap, subject, dropped, droppedSubject, flags ?? [], overdue);

    [Fact]
    public void The_issue_example_adds_up_and_explains_itself()
    {
        // Attendance 84% (84/100): (95 − 84) / 20 = 0.55 × 30 = 16.5.
        // Down 6 points: (6 − 2) / 10 = 0.4 × 15 = 6.
        // 3 lates in 50 possible this term: (0.06 − 0.02) / 0.13 = 0.3077 × 10 = 3.08.
        // Chemistry two grades below: 2 / 3 × 20 = 13.33.
        // Total 16.5 + 6 + 3.08 + 13.33 = 38.91 → 39.
        var (score, factors) = RiskScore.Assess(Inputs(Figures(100, 84), Figures(50, 45, lates: 3), -6m, below: 1, gap: 2, subject: "Chemistry"), RiskWeights.Default);
        Assert.Equal(39, score);
        Assert.Equal(
            ["attendance 84% this year (persistent absence)", "Chemistry two grades below target", "attendance down 6 points in the last 4 weeks", "3 lates this term"],
            factors.Select(f => f.Words));
        Assert.Equal(16.5m, factors[0].Points);
    }

    [Fact]
    public void A_student_with_nothing_wrong_scores_zero_with_no_reasons()
    {
        var (score, factors) = RiskScore.Assess(Inputs(Figures(100, 97), Figures(40, 39, lates: 0), 1m, behaviour: 5, flags: ["EAL", "Most able"]), RiskWeights.Default);
        Assert.Equal(0, score);
        Assert.Empty(factors);
    }

    [Fact]
    public void Every_factor_at_its_worst_scores_the_sum_of_the_weights()
    {
        // 50% attendance (severe), down 20 points, 10 lates in 20 sessions, −30 behaviour, 4 subjects 3 below,
        // 2 subjects fell, looked after and young carer, 5 reasons overdue: every severity is 1 → 115, stopped at 100.
        var (score, factors) = RiskScore.Assess(Inputs(Figures(100, 50), Figures(20, 10, 10, 4), -20m, -30, 4, 3, "Maths", 2, "Physics",
            ["Looked after", "Young carer"], 5), RiskWeights.Default);
        Assert.Equal(100, score);
        Assert.Equal(115m, factors.Sum(f => f.Points));
        Assert.Equal(9, factors.Count);
        Assert.Contains("severe absence: 50% attendance, missing at least half of school", factors.Select(f => f.Words));
        Assert.Contains("attendance 50% this year (severe absence)", factors.Select(f => f.Words));
        Assert.Contains("10 lates this term (4 after the register closed)", factors.Select(f => f.Words));
        Assert.Contains("4 subjects below target (worst: Maths, three grades)", factors.Select(f => f.Words));
        Assert.Contains("2 subjects' grades fell at the last data drop", factors.Select(f => f.Words));
        Assert.Contains("looked after, young carer", factors.Select(f => f.Words));
        Assert.Contains("5 absences still have no reason after 5 school days", factors.Select(f => f.Words));
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
    public void Weights_change_the_score_and_a_zero_weight_removes_the_factor()
    {
        // Behaviour −10: severity 0.5. Default weight 10 → 5; weight 40 → 20; weight 0 → no factor.
        var inputs = Inputs(behaviour: -10);
        Assert.Equal(5, RiskScore.Assess(inputs, RiskWeights.Default).Score);
        Assert.Equal(20, RiskScore.Assess(inputs, RiskWeights.Default with { Behaviour = 40 }).Score);
        Assert.Empty(RiskScore.Assess(inputs, RiskWeights.Default with { Behaviour = 0 }).Factors);
    }

    [Fact]
    public void Factors_below_half_a_point_are_not_mentioned()
    {
        // 94.5% attendance: (95 − 94.5) / 20 × 30 = 0.75 → mentioned; 94.7%: 0.45 → not.
        Assert.Single(RiskScore.Assess(Inputs(Figures(1000, 945)), RiskWeights.Default).Factors);
        Assert.Empty(RiskScore.Assess(Inputs(Figures(1000, 947)), RiskWeights.Default).Factors);
    }

    [Fact]
    public void Weights_read_and_write_as_factor_weight_pairs()
    {
        Assert.True(RiskWeights.TryParse("attendance=40, behaviour=0", RiskWeights.Default, out var w, out _));
        Assert.Equal(RiskWeights.Default with { Attendance = 40, Behaviour = 0 }, w);
        Assert.Equal(w, RiskWeights.FromStored(w.ToString()));
        Assert.False(RiskWeights.TryParse("attendence=40", RiskWeights.Default, out _, out var error));
        Assert.Contains("expected one of attendance, severe-absence, attendance-trend", error);
        // Weights stored before severe absence existed take its default.
        Assert.Equal(15, RiskWeights.FromStored("attendance=30,attendance-trend=15,punctuality=10,behaviour=10,progress=20,progress-trend=5,flags=5,reasons-overdue=5").SevereAbsence);
        Assert.False(RiskWeights.TryParse("attendance=-3", RiskWeights.Default, out _, out error));
        Assert.Equal("the weight of attendance is '-3'; expected a whole number from 0 to 100", error);
        Assert.Equal(RiskWeights.Default, RiskWeights.FromStored(null));
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
        var cases = new List<(int, bool)> { (90, true), (80, true) };
        cases.AddRange(Enumerable.Range(0, 8).Select(i => (i * 10, false)));
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
    public void No_AUC_without_both_outcomes()
    {
        Assert.Null(RiskEvaluation.Evaluate([(10, false), (20, false)]).Auc);
    }
}

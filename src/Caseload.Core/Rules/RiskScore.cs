namespace Caseload.Core.Rules;

/// <summary>One course's latest grade against its minimum expected grade, in grades of the scale (+1 one above, −2 two below).</summary>
public sealed record CourseMargin(string Subject, int Margin);

/// <summary>A student's latest value of one of the institution's indicators, with the indicator's anchors.</summary>
public sealed record IndicatorReading(string Code, string Name, decimal Value, decimal NoConcernAt, decimal FullConcernAt);

/// <summary>What the early warning looks at for one student, as of one day.</summary>
public sealed record RiskInputs(
    AttendanceFigures Year,
    AttendanceFigures Term,
    decimal? AttendanceTrend,
    int BehaviourTerm,
    IReadOnlyList<CourseMargin> Margins,
    int GradesFallen,
    int SubjectsDropped,
    string? DroppedSubject,
    IReadOnlyList<string> Flags,
    int ReasonsOverdue)
{
    /// <summary>Average GCSE score (or the institution's own baseline) from the students import.</summary>
    public decimal? PriorAttainment { get; init; }
    /// <summary>The stage of the student's open intervention case; 0 for none.</summary>
    public int CaseStage { get; init; }
    /// <summary>Referrals about the student still open (restricted ones never counted: the score is seen by tutors).</summary>
    public int OpenReferrals { get; init; }
    public IReadOnlyList<IndicatorReading> Indicators { get; init; } = [];
}

/// <summary>One factor's severity for a student: 0 (no concern) to 1 (as bad as it gets), and the reason in words.</summary>
public sealed record Severity(string Name, decimal Value, Func<string> Words);

/// <summary>One factor that raised a student's score: its share of the score (to one decimal place) and the reason in words.</summary>
public sealed record RiskFactor(string Name, decimal Points, string Words);

/// <summary>A student's score to one decimal place (for ranking), shown rounded, with the factors worth mentioning.</summary>
public sealed class RiskAssessment(decimal points, IReadOnlyList<RiskFactor> factors)
{
    public decimal Points { get; } = points;
    public IReadOnlyList<RiskFactor> Factors { get; } = factors;

    public int Score => (int)Math.Round(Points, MidpointRounding.AwayFromZero);

    public void Deconstruct(out int score, out IReadOnlyList<RiskFactor> factors) => (score, factors) = (Score, Factors);
}

/// <summary>
/// The early-warning score. Each factor's severity is a continuous straight line between two points, from 0 (no concern)
/// to 1 (as bad as it gets), so that the score keeps the data's order:
/// <list type="bullet">
/// <item>attendance this year: 0 at 95% or above, 1 at 75% or below;</item>
/// <item>severe absence: 0 at 60% or above, 1 at 50% or below;</item>
/// <item>attendance trend (last 4 weeks against the 4 before): 0 down to a fall of 2 points, 1 at a fall of 12;</item>
/// <item>punctuality: lates as a share of this term's possible sessions, 0 up to 2%, 1 at 15%;</item>
/// <item>behaviour: 0 for a net score of 0 or more this term, 1 at −20 points;</item>
/// <item>progress, every course with a grade and a target: each course's concern is 0 one grade or more above target,
/// ¼ exactly on target, ½ one below, ¾ two below, 1 three or more below; the severity is the mean of the worst course's
/// concern and the average course's;</item>
/// <item>progress trend: grades fallen since the data point before, added over courses, 1 at 3;</item>
/// <item>prior attainment (average GCSE score): 0 at 6 or above, 1 at 4 or below (values above 9 are another baseline: 0);</item>
/// <item>flags: disadvantaged, SEND, looked after, young carer — 0.5 each, 1 at two;</item>
/// <item>reasons overdue (absences still "N" after 5 school days): 1 at 3;</item>
/// <item>casework: the open intervention case's stage a quarter each (1 at stage 4), plus a quarter per open referral;</item>
/// <item>each institution indicator: 0 at its no-concern anchor, 1 at its full-concern anchor.</item>
/// </list>
/// With a points weight set each factor adds weight × severity, kept to one decimal place; the score is the sum, stopped
/// at 100. With a fitted set the score is 100 × the modelled chance of a bad outcome, and each factor's share of the
/// score above the baseline (everything clear) is in proportion to coefficient × severity. The explanation lists the
/// factors worth at least half a point, biggest first; smaller ones still count towards the score and its ranking.
/// </summary>
public static class RiskScore
{
    /// <summary>The flags that count towards the score (EAL and most able do not).</summary>
    public static readonly IReadOnlyList<string> RiskFlags = ["Disadvantaged", "SEND", "Looked after", "Young carer"];

    private static decimal Line(decimal value, decimal noConcernAt, decimal fullConcernAt) =>
        fullConcernAt == noConcernAt ? 0m : Math.Clamp((value - noConcernAt) / (fullConcernAt - noConcernAt), 0m, 1m);

    /// <summary>A course's concern from its margin against target (see the class summary).</summary>
    public static decimal CourseConcern(int margin) => Line(margin, 1m, -3m);

    /// <summary>Every factor with something to say for the student (severity above 0).</summary>
    public static IReadOnlyList<Severity> Severities(RiskInputs x)
    {
        var list = new List<Severity>();
        void Add(string name, decimal severity, Func<string> words)
        {
            if (severity > 0)
            {
                list.Add(new Severity(name, Math.Min(1m, severity), words));
            }
        }
        if (x.Year.AttendancePercent is { } year)
        {
            Add("attendance", Line(year, 95m, 75m), () => $"attendance {year:0.#}% this year"
                + (x.Year.SevereAbsence ? " (severe absence)" : x.Year.PersistentAbsence ? " (persistent absence)" : ""));
            Add("severe-absence", Line(year, 60m, 50m), () => year <= 50m
                ? $"severe absence: {year:0.#}% attendance, missing at least half of school"
                : $"approaching severe absence: {year:0.#}% attendance (50% or below is severe)");
        }
        if (x.AttendanceTrend is { } trend)
        {
            Add("attendance-trend", Line(-trend, 2m, 12m), () => $"attendance down {-trend:0.#} points in the last 4 weeks");
        }
        if (x.Term.Possible > 0)
        {
            var rate = (decimal)x.Term.Lates / x.Term.Possible;
            Add("punctuality", Line(rate, 0.02m, 0.15m), () => (x.Term.Lates == 1 ? "1 late this term" : $"{x.Term.Lates} lates this term")
                + (x.Term.LatesAfterClose > 0 ? $" ({x.Term.LatesAfterClose} after the register closed)" : ""));
        }
        Add("behaviour", Line(x.BehaviourTerm, 0m, -20m), () => $"behaviour {x.BehaviourTerm} points this term");
        if (x.Margins.Count > 0)
        {
            var concerns = x.Margins.Select(m => CourseConcern(m.Margin)).ToList();
            var worst = x.Margins.MinBy(m => m.Margin)!;
            var below = x.Margins.Count(m => m.Margin < 0);
            var onTarget = x.Margins.Count(m => m.Margin == 0);
            Add("progress", (concerns.Max() + concerns.Average()) / 2m, () => below switch
            {
                1 => $"{worst.Subject} {Progress.Grades(-worst.Margin)} below target",
                > 1 => $"{below} subjects below target (worst: {worst.Subject}, {Progress.Grades(-worst.Margin)})",
                _ => onTarget == 1 ? $"{worst.Subject} on target with no grade to spare" : $"{onTarget} subjects on target with no grade to spare",
            });
        }
        Add("progress-trend", x.GradesFallen / 3m, () => x.SubjectsDropped == 1
            ? $"{x.DroppedSubject} grade fell at the last data drop"
            : $"{x.SubjectsDropped} subjects' grades fell at the last data drop");
        if (x.PriorAttainment is { } prior && prior <= 9m)
        {
            Add("prior-attainment", Line(prior, 6m, 4m), () => $"prior attainment {prior:0.##} (average GCSE score)");
        }
        var flags = x.Flags.Where(RiskFlags.Contains).ToList();
        Add("flags", flags.Count / 2m, () => string.Join(", ", flags).ToLowerInvariant().Replace("send", "SEND"));
        Add("reasons-overdue", x.ReasonsOverdue / 3m, () => x.ReasonsOverdue == 1
            ? "1 absence still has no reason after 5 school days"
            : $"{x.ReasonsOverdue} absences still have no reason after 5 school days");
        Add("casework", x.CaseStage / 4m + x.OpenReferrals / 4m, () => string.Join("; ",
            new[] { x.CaseStage > 0 ? $"intervention case at stage {x.CaseStage}" : null, x.OpenReferrals switch { 0 => null, 1 => "1 open referral", var n => $"{n} open referrals" } }
                .OfType<string>()));
        foreach (var i in x.Indicators)
        {
            Add(i.Code, Line(i.Value, i.NoConcernAt, i.FullConcernAt), () => $"{i.Name}: {i.Value:0.##}");
        }
        return list;
    }

    /// <summary>The chance in per cent (0–100) a fitted set gives a student with these severities, unrounded.</summary>
    public static double Chance(RiskWeights fitted, IEnumerable<Severity> severities) =>
        100.0 / (1.0 + Math.Exp(-(double)(fitted.Intercept!.Value + severities.Sum(s => fitted[s.Name] * s.Value))));

    public static RiskAssessment Assess(RiskInputs x, RiskWeights w)
    {
        var severities = Severities(x);
        var shares = new decimal[severities.Count];
        decimal points;
        if (!w.IsFitted)
        {
            for (var i = 0; i < severities.Count; i++)
            {
                shares[i] = Math.Round(w[severities[i].Name] * severities[i].Value, 1, MidpointRounding.AwayFromZero);
            }
            points = Math.Min(100m, shares.Where(p => p > 0).Sum());
        }
        else
        {
            points = Math.Round((decimal)Chance(w, severities), 1, MidpointRounding.AwayFromZero);
            var baseline = (decimal)Chance(w, []);
            var total = severities.Sum(s => w[s.Name] * s.Value);
            for (var i = 0; total > 0 && i < severities.Count; i++)
            {
                shares[i] = Math.Round((points - baseline) * w[severities[i].Name] * severities[i].Value / total, 1, MidpointRounding.AwayFromZero);
            }
        }
        // Only the factors worth mentioning are put into words (most of the time spent scoring a whole institution).
        return new RiskAssessment(points, [.. severities.Select((s, i) => (s, Points: shares[i])).Where(f => f.Points >= 0.5m)
            .OrderByDescending(f => f.Points).Select(f => new RiskFactor(f.s.Name, f.Points, f.s.Words()))]);
    }
}

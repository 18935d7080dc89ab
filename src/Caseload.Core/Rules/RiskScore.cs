namespace Caseload.Core.Rules;

/// <summary>What the early warning looks at for one student, as of one day.</summary>
public sealed record RiskInputs(
    AttendanceFigures Year,
    AttendanceFigures Term,
    decimal? AttendanceTrend,
    int BehaviourTerm,
    int SubjectsBelow,
    int WorstGap,
    string? WorstSubject,
    int SubjectsDropped,
    string? DroppedSubject,
    IReadOnlyList<string> Flags,
    int ReasonsOverdue);

/// <summary>One factor that raised a student's score: its share of the score and the reason in words.</summary>
public sealed record RiskFactor(string Name, decimal Points, string Words);

/// <summary>
/// The early-warning score: each factor's severity from 0 (no concern) to 1 (as bad as it gets) times the institution's
/// weight for it, added up and rounded (0–100 with the default weights). Severities, all straight lines between two
/// points, so a tutor can follow the sum:
/// <list type="bullet">
/// <item>attendance this year: 0 at 95% or above, 1 at 75% or below;</item>
/// <item>severe absence: 0 at 60% or above, 1 at 50% or below (with attendance's 30, 15 more: under 50% is 45, high on its own);</item>
/// <item>attendance trend (last 4 weeks against the 4 before): 0 down to a fall of 2 points, 1 at a fall of 12;</item>
/// <item>punctuality: lates as a share of this term's possible sessions, 0 up to 2%, 1 at 15%;</item>
/// <item>behaviour: 0 for a net score of 0 or more this term, 1 at −20 points;</item>
/// <item>progress: worst gap below target plus half a grade for each further subject below, 0 on target, 1 at 3 grades;</item>
/// <item>progress trend: subjects whose latest grade fell, 1 at 2 subjects;</item>
/// <item>flags: disadvantaged, SEND, looked after, young carer — 0.5 each, 1 at two;</item>
/// <item>reasons overdue (absences still "N" after 5 school days): 1 at 3.</item>
/// </list>
/// The score stops at 100. The explanation lists the factors that added at least half a point, biggest first.
/// </summary>
public static class RiskScore
{
    /// <summary>The flags that count towards the score (EAL and most able do not).</summary>
    public static readonly IReadOnlyList<string> RiskFlags = ["Disadvantaged", "SEND", "Looked after", "Young carer"];

    public static (int Score, IReadOnlyList<RiskFactor> Factors) Assess(RiskInputs x, RiskWeights w)
    {
        var factors = new List<RiskFactor>();
        void Add(string name, int weight, decimal severity, Func<string> words)
        {
            var points = weight * Math.Clamp(severity, 0m, 1m);
            if (points >= 0.5m)
            {
                factors.Add(new RiskFactor(name, points, words()));
            }
        }

        if (x.Year.AttendancePercent is { } year)
        {
            Add("attendance", w.Attendance, (95m - year) / 20m, () => $"attendance {year:0.#}% this year"
                + (x.Year.SevereAbsence ? " (severe absence)" : x.Year.PersistentAbsence ? " (persistent absence)" : ""));
            Add("severe-absence", w.SevereAbsence, (60m - year) / 10m, () => year <= 50m
                ? $"severe absence: {year:0.#}% attendance, missing at least half of school"
                : $"approaching severe absence: {year:0.#}% attendance (50% or below is severe)");
        }
        if (x.AttendanceTrend is { } trend)
        {
            Add("attendance-trend", w.AttendanceTrend, (-trend - 2m) / 10m, () => $"attendance down {-trend:0.#} points in the last 4 weeks");
        }
        if (x.Term.Possible > 0)
        {
            var rate = (decimal)x.Term.Lates / x.Term.Possible;
            Add("punctuality", w.Punctuality, (rate - 0.02m) / 0.13m, () => (x.Term.Lates == 1 ? "1 late this term" : $"{x.Term.Lates} lates this term")
                + (x.Term.LatesAfterClose > 0 ? $" ({x.Term.LatesAfterClose} after the register closed)" : ""));
        }
        Add("behaviour", w.Behaviour, -x.BehaviourTerm / 20m, () => $"behaviour {x.BehaviourTerm} points this term");
        if (x.SubjectsBelow > 0)
        {
            Add("progress", w.Progress, (x.WorstGap + (x.SubjectsBelow - 1) * 0.5m) / 3m, () => x.SubjectsBelow == 1
                ? $"{x.WorstSubject} {Progress.Grades(x.WorstGap)} below target"
                : $"{x.SubjectsBelow} subjects below target (worst: {x.WorstSubject}, {Progress.Grades(x.WorstGap)})");
        }
        Add("progress-trend", w.ProgressTrend, x.SubjectsDropped / 2m, () => x.SubjectsDropped == 1
            ? $"{x.DroppedSubject} grade fell at the last data drop"
            : $"{x.SubjectsDropped} subjects' grades fell at the last data drop");
        var flags = x.Flags.Where(RiskFlags.Contains).ToList();
        Add("flags", w.Flags, flags.Count / 2m, () => string.Join(", ", flags).ToLowerInvariant().Replace("send", "SEND"));
        Add("reasons-overdue", w.ReasonsOverdue, x.ReasonsOverdue / 3m, () => x.ReasonsOverdue == 1
            ? "1 absence still has no reason after 5 school days"
            : $"{x.ReasonsOverdue} absences still have no reason after 5 school days");

        var score = Math.Min(100, (int)Math.Round(factors.Sum(f => f.Points), MidpointRounding.AwayFromZero));
        return (score, [.. factors.OrderByDescending(f => f.Points)]);
    }
}

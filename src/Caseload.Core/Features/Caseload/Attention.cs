using Caseload.Core.Rules;

namespace Caseload.Core.Features.Caseload;

/// <summary>
/// Who needs the tutor first, and why, in words. A simple, explained interim ordering: the early-warning score
/// (weights an institution can change, evaluated against outcomes) replaces it in the analytics issue.
/// </summary>
public static class Attention
{
    public static (int Score, IReadOnlyList<string> Reasons) Assess(
        AttendanceFigures term, decimal? trend, int subjectsBelow, int worstGap, string? worstSubject, int behaviourPoints, int reasonsOverdue = 0)
    {
        var score = 0;
        var reasons = new List<string>();
        var lates = term.Lates;
        // Severe and persistent absence by the rules (exact fractions), not by the rounded percentage.
        if (term.AttendancePercent is { } a && (a < 95 || term.PersistentAbsence))
        {
            score += term.SevereAbsence ? 60 : term.PersistentAbsence ? 40 : 10;
            reasons.Add(term.SevereAbsence ? $"attendance {a:0.#}% (severe absence)"
                : term.PersistentAbsence ? $"attendance {a:0.#}% (persistent absence)" : $"attendance {a:0.#}%");
        }
        if (trend is { } t && t <= -5)
        {
            score += 20;
            reasons.Add($"attendance down {-t:0.#} points in the last 4 weeks");
        }
        if (subjectsBelow > 0)
        {
            score += 10 * subjectsBelow + 10 * worstGap;
            reasons.Add(subjectsBelow == 1
                ? $"{worstSubject} {Grades(worstGap)} below target"
                : $"{subjectsBelow} subjects below target (worst: {worstSubject}, {Grades(worstGap)})");
        }
        if (lates >= 5)
        {
            score += 2 * lates;
            reasons.Add($"{lates} lates this term");
        }
        if (reasonsOverdue > 0)
        {
            // A task, not a judgement: chase the reason (5 points each, so a few lift the student up the list).
            score += 5 * reasonsOverdue;
            reasons.Add(reasonsOverdue == 1
                ? "1 absence still has no reason after 5 school days"
                : $"{reasonsOverdue} absences still have no reason after 5 school days");
        }
        if (behaviourPoints <= -5)
        {
            score += -behaviourPoints;
            reasons.Add($"behaviour {behaviourPoints} points this term");
        }
        return (score, reasons);
    }

    private static string Grades(int gap) => gap == 1 ? "one grade" : gap == 2 ? "two grades" : $"{gap} grades";
}

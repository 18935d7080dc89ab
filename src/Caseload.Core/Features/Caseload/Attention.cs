namespace Caseload.Core.Features.Caseload;

/// <summary>
/// Who needs the tutor first, and why, in words. A simple, explained interim ordering: the early-warning score
/// (weights an institution can change, evaluated against outcomes) replaces it in the analytics issue.
/// </summary>
public static class Attention
{
    public static (int Score, IReadOnlyList<string> Reasons) Assess(
        decimal? attendance, decimal? trend, int lates, int subjectsBelow, int worstGap, string? worstSubject, int behaviourPoints)
    {
        var score = 0;
        var reasons = new List<string>();
        if (attendance is { } a && a < 95)
        {
            score += a < 50 ? 60 : a < 90 ? 40 : 10;
            reasons.Add(a < 50 ? $"attendance {a:0.#}% (severe absence)" : a < 90 ? $"attendance {a:0.#}% (persistent absence)" : $"attendance {a:0.#}%");
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
        if (behaviourPoints <= -5)
        {
            score += -behaviourPoints;
            reasons.Add($"behaviour {behaviourPoints} points this term");
        }
        return (score, reasons);
    }

    private static string Grades(int gap) => gap == 1 ? "one grade" : gap == 2 ? "two grades" : $"{gap} grades";
}

namespace Caseload.Core.Rules;

public enum ProgressStatus
{
    Below,
    On,
    Above,
}

/// <summary>
/// A grade against a target on the same scale, counted in grades of that scale (ranks are consecutive, so "two grades
/// below" is a rank difference of 2), and the change since the previous data point.
/// </summary>
public static class Progress
{
    /// <summary>Grades above (+) or below (−) the target.</summary>
    public static int Gap(int gradeRank, int targetRank) => gradeRank - targetRank;

    public static ProgressStatus Status(int gradeRank, int targetRank) =>
        gradeRank > targetRank ? ProgressStatus.Above : gradeRank < targetRank ? ProgressStatus.Below : ProgressStatus.On;

    /// <summary>"on target", "one grade below target", "two grades above target".</summary>
    public static string Describe(int gradeRank, int targetRank)
    {
        var gap = Gap(gradeRank, targetRank);
        return gap == 0 ? "on target" : $"{Grades(Math.Abs(gap))} {(gap > 0 ? "above" : "below")} target";
    }

    /// <summary>"up one grade", "down two grades", "no change"; null without a previous grade.</summary>
    public static string? Change(int gradeRank, int? previousRank) => previousRank is not { } p ? null
        : gradeRank == p ? "no change" : $"{(gradeRank > p ? "up" : "down")} {Grades(Math.Abs(gradeRank - p))}";

    public static string Grades(int n) => n switch
    {
        1 => "one grade",
        2 => "two grades",
        3 => "three grades",
        _ => $"{n} grades",
    };
}

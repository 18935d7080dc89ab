namespace Caseload.Web.Pages;

/// <summary>How figures are shown, the same on every page.</summary>
public static class Display
{
    /// <summary>The attendance band's CSS modifier: 95% and over good, 90–95% to watch, under 90% low (persistent absence).</summary>
    public static string Band(decimal? percent) => percent switch
    {
        null => "none",
        >= 95 => "good",
        >= 90 => "watch",
        _ => "low",
    };
}

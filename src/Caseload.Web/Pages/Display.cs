using Caseload.Core.Rules;

namespace Caseload.Web.Pages;

/// <summary>How figures are shown, the same on every page.</summary>
public static class Display
{
    /// <summary>The attendance band's CSS modifier, by the institution's bands (default: 95% and over good, 90–95% to watch, under 90% low).</summary>
    public static string Band(decimal? percent, AttendanceBands bands) => bands.Of(percent) switch
    {
        AttendanceBand.None => "none",
        AttendanceBand.Good => "good",
        AttendanceBand.Watch => "watch",
        _ => "low",
    };
}

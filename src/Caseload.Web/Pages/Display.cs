using Caseload.Core.Rules;

namespace Caseload.Web.Pages;

/// <summary>How figures are shown, the same on every page.</summary>
public static class Display
{
    /// <summary>A refusal from the core ("write what happened") as a sentence on a page ("Write what happened.").</summary>
    public static string Sentence(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");

    /// <summary>The attendance band's CSS modifier, by the institution's bands (default: 95% and over good, 90–95% to watch, under 90% low).</summary>
    public static string Band(decimal? percent, AttendanceBands bands) => bands.Of(percent) switch
    {
        AttendanceBand.None => "none",
        AttendanceBand.Good => "good",
        AttendanceBand.Watch => "watch",
        _ => "low",
    };

    /// <summary>UK time, for times people read (stored times are UTC); UTC where the machine has no time-zone data.</summary>
    public static readonly TimeZoneInfo London = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>"Chrome on Windows": a browser's own description (User-Agent) in words a person recognises.</summary>
    public static string Browser(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }
        bool Has(string s) => userAgent.Contains(s, StringComparison.OrdinalIgnoreCase);
        var browser = Has("Edg/") ? "Edge" : Has("Firefox/") ? "Firefox" : Has("Chrome/") || Has("Chromium/") ? "Chrome" : Has("Safari/") ? "Safari" : "A browser";
        var system = Has("iPhone") || Has("iPad") ? "iPhone or iPad" : Has("Android") ? "Android" : Has("Windows") ? "Windows" : Has("Mac OS") ? "Mac"
            : Has("CrOS") ? "Chromebook" : Has("Linux") ? "Linux" : null;
        return system is null ? browser : $"{browser} on {system}";
    }
}

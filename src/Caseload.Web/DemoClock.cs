using System.Globalization;

namespace Caseload.Web;

/// <summary>
/// For demonstrations and benchmarks only: <c>Clock:Today</c> (yyyy-MM-dd) makes the app behave as if it were that
/// day (at the real time of day), so a demo generated with <c>caseload demo --today</c> can be shown, for example, at
/// the end of a full year. Everything that reads the clock (pages, audit, sessions) moves together.
/// </summary>
internal sealed class DemoClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public static TimeProvider From(IConfiguration configuration)
    {
        var text = configuration["Clock:Today"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return System;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today))
        {
            throw new InvalidOperationException($"Clock:Today is '{text}'; expected a date as yyyy-MM-dd, or nothing for the real date");
        }
        var now = System.GetUtcNow();
        return new DemoClock(today.ToDateTime(TimeOnly.MinValue) - now.UtcDateTime.Date);
    }
}

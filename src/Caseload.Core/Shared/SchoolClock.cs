using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Caseload.Core.Shared;

/// <summary>"Today" as school life counts it: the date on the institution's wall clock.</summary>
public static class SchoolClock
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// The clock every host uses. For demonstrations, benchmarks and tests only, <c>Clock:Today</c> (yyyy-MM-dd) makes the
    /// app and the CLI behave as if it were that day (at the real time of day), so a demo generated for a date can be
    /// shown on it and no test depends on the day it runs. Everything that reads the clock (pages, audit, sessions) moves
    /// together. Without the setting it is the system clock.
    /// </summary>
    public static TimeProvider FromConfiguration(IConfiguration configuration)
    {
        var text = configuration["Clock:Today"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeProvider.System;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today))
        {
            throw new InvalidOperationException($"Clock:Today is '{text}'; expected a date as yyyy-MM-dd, or nothing for the real date");
        }
        return new ShiftedClock(today);
    }

    /// <summary>The system clock moved by whole days so that its local date is <paramref name="today"/>.</summary>
    private sealed class ShiftedClock(DateOnly today) : TimeProvider
    {
        private readonly TimeSpan _offset = today.ToDateTime(TimeOnly.MinValue) - System.GetLocalNow().DateTime.Date;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}

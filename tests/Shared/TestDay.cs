using System.Globalization;

namespace Caseload.Tests;

/// <summary>
/// The day the date-sensitive tests live on. Tests never read the machine's date: those whose numbers are worked by hand
/// fix their own day; those that must hold on any day (a demo generated "today", the app and the CLI with their clock
/// set to it) take it from here and are marked <c>[Trait("Dates", "AnyDay")]</c>. <c>./test.sh</c> runs every test on
/// the default day (a Monday), then runs the AnyDay tests again on the days that break calendars: the first day of the
/// autumn term, 31 August and 1 September, 29 February.
/// </summary>
public static class TestDay
{
    public const string Variable = "CASELOAD_TEST_TODAY";
    public const string Trait = "Dates";
    public const string AnyDay = "AnyDay";

    public static DateOnly Today { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
        ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : new DateOnly(2026, 11, 23);

    public static string Text => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

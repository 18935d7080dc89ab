using Caseload.Core.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Calendar;

/// <summary>
/// The institution's own calendar: every mark of a year counts whatever weekday it begins on, a term that begins
/// mid-week counts from its first day, a leap day is a school day like any other, and marks for days that cannot hold
/// them (after today, outside every year, a closed day) are refused with file:line:column.
/// </summary>
public sealed class CalendarTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static async Task<(TestDatabase Db, int Institution)> SchoolAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        foreach (var kind in new[] { "staff", "tutor-groups", "students" })
        {
            Assert.True((await db.ImportFileAsync(institution, kind, Samples.PathOf(kind))).Succeeded);
        }
        return (db, institution);
    }

    /// <summary>A mark per session: present in the morning, an unauthorised absence in the afternoon.</summary>
    private static string Marks(params DateOnly[] days) =>
        "student_id,date,session,code\n" + string.Concat(days.Select(d => $"S1001,{d:yyyy-MM-dd},AM,/\nS1001,{d:yyyy-MM-dd},PM,O\n"));

    public static TheoryData<string, int> EveryWeekday()
    {
        var data = new TheoryData<string, int>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            for (var day = 0; day < 7; day++)
            {
                data.Add(provider, day);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryWeekday))]
    public async Task A_year_counts_its_first_days_whatever_weekday_it_begins_on_and_a_term_from_its_first_day(string provider, int offset)
    {
        var (db, institution) = await SchoolAsync(provider);
        await using var _ = db;
        var start = new DateOnly(2026, 8, 31).AddDays(offset); // Monday 31 August to Sunday 6 September
        var calendar = await db.ImportTextAsync(institution, "calendar", $"""
            kind,name,start_date,end_date
            year,2026/27,{start:yyyy-MM-dd},2027-07-31
            term,Autumn 1,{start:yyyy-MM-dd},2026-11-17
            term,Autumn 2,2026-11-18,2026-12-18
            """);
        Assert.True(calendar.Succeeded, string.Join("\n", calendar.Problems));
        // The year's first three weekdays, and the Wednesday and Thursday the second term begins with.
        var first = Enumerable.Range(0, 10).Select(start.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(3).ToArray();
        var marks = await db.ImportTextAsync(institution, "attendance", Marks([.. first, new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 19)]));
        Assert.True(marks.Succeeded, string.Join("\n", marks.Problems));

        await using var context = db.NewContext();
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var s = (await StudentSummaries.ComputeAsync(context, institution, [amira], Today, db.Clock.GetUtcNow().UtcDateTime, default)).Single();
        // By hand: 5 days × 2 sessions = 10 possible, 5 present, 5 unauthorised; the term: 2 days, 4 sessions, 2 unauthorised.
        Assert.Equal((10, 5, 5), (s.YearPossible, s.YearPresent, s.YearUnauthorised));
        Assert.Equal((4, 2, 2), (s.TermPossible, s.TermPresent, s.TermUnauthorised));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_leap_day_counts_and_a_year_begun_on_a_wednesday_in_2023_keeps_its_first_week(string provider)
    {
        var (db, institution) = await SchoolAsync(provider);
        await using var _ = db;
        var calendar = await db.ImportTextAsync(institution, "calendar", """
            kind,name,start_date,end_date
            year,2023/24,2023-09-06,2024-07-19
            term,Autumn,2023-09-06,2023-12-20
            term,Spring,2024-01-03,2024-03-28
            holiday,February half term,2024-02-12,2024-02-16
            year,2026/27,2026-09-01,2027-07-21
            """);
        Assert.True(calendar.Succeeded, string.Join("\n", calendar.Problems));
        var marks = await db.ImportTextAsync(institution, "attendance", Marks(
            new DateOnly(2023, 9, 6), new DateOnly(2023, 9, 7), new DateOnly(2024, 2, 28), new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 1)));
        Assert.True(marks.Succeeded, string.Join("\n", marks.Problems));

        await using var context = db.NewContext();
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        // As on Monday 4 March 2024: the year so far holds all five days (10 sessions), the spring term three of them.
        var s = (await StudentSummaries.ComputeAsync(context, institution, [amira], new DateOnly(2024, 3, 4), db.Clock.GetUtcNow().UtcDateTime, default)).Single();
        Assert.Equal((10, 5), (s.YearPossible, s.YearPresent));
        Assert.Equal((6, 3), (s.TermPossible, s.TermUnauthorised));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Marks_after_today_outside_every_year_or_on_a_closed_day_are_refused_whole(string provider)
    {
        var (db, institution) = await SchoolAsync(provider);
        await using var _ = db;
        Assert.True((await db.ImportFileAsync(institution, "calendar", Samples.PathOf("calendar"))).Succeeded);
        var counts = await db.CountsAsync();
        var refused = await db.ImportTextAsync(institution, "attendance", """
            student_id,date,session,code
            S1001,2026-09-07,AM,/
            S1001,2026-11-24,AM,/
            S1001,2026-08-28,AM,/
            S1001,2026-10-27,AM,/
            S1002,2026-10-27,AM,/
            """, file: "marks.csv");
        Assert.False(refused.Succeeded);
        Assert.Equal([
            "marks.csv:3:2: date 2026-11-24 is after today (2026-11-23); expected marks for days that have happened",
            "marks.csv:4:2: date 2026-08-28 is outside every academic year of the institution's calendar (2026-09-01 to 2027-08-31); import the calendar for that year first (caseload calendar import)",
            "marks.csv:5:2: date 2026-10-27 is a day the institution is closed (Autumn half term, 2026-10-26 to 2026-10-30); expected a school day, or correct the calendar",
            "marks.csv:6:2: date 2026-10-27 is a day the institution is closed (Autumn half term, 2026-10-26 to 2026-10-30); expected a school day, or correct the calendar",
        ], refused.Problems.Select(p => p.ToString()));
        var after = await db.CountsAsync();
        Assert.Equal(counts["attendance_marks"], after["attendance_marks"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_wrong_calendar_is_refused_whole_and_a_right_one_replaces_the_default_and_is_idempotent(string provider)
    {
        var (db, institution) = await SchoolAsync(provider);
        await using var _ = db;
        var counts = await db.CountsAsync();
        var refused = await db.ImportTextAsync(institution, "calendar", """
            kind,name,start_date,end_date
            year,2026/27,2026-09-01,2027-07-21
            term,Autumn,2026-09-01,2026-12-18
            term,Spring,2026-12-15,2027-03-26
            term,Summer,2027-04-12,2027-07-30
            fortnight,Enrichment,2026-10-01,2026-10-14
            holiday,Easter,2027-03-29,2027-03-20
            inset,INSET day,2027-09-01,2027-09-01
            year,2027/28,2027-07-01,2028-07-20
            """, file: "calendar.csv");
        Assert.Equal([
            "calendar.csv:6:1: kind 'fortnight' is not known; expected year, term, holiday, inset or closed",
            "calendar.csv:7:4: end_date 2027-03-20 is before start_date 2027-03-29; expected the last day, on or after the first",
        ], refused.Problems.Select(p => p.ToString()));
        // The same file without its two bad rows: what is wrong between rows.
        refused = await db.ImportTextAsync(institution, "calendar", """
            kind,name,start_date,end_date
            year,2026/27,2026-09-01,2027-07-21
            term,Autumn,2026-09-01,2026-12-18
            term,Spring,2026-12-15,2027-03-26
            term,Summer,2027-04-12,2027-07-30
            inset,INSET day,2027-08-31,2027-08-31
            year,2027/28,2027-07-01,2028-07-20
            """, file: "calendar.csv");
        Assert.Equal([
            "calendar.csv:7:3: year '2027/28' overlaps year '2026/27' (line 2); expected each day in one year at most",
            "calendar.csv:5:3: term 'Summer' ends on 2027-07-30, after its year '2026/27' ends (2027-07-21); expected it inside the year",
            "calendar.csv:4:3: term 'Spring' overlaps term 'Autumn' (line 3); expected terms one after another",
        ], refused.Problems.Select(p => p.ToString()));
        Assert.Equal(counts["academic_years"], (await db.CountsAsync())["academic_years"]);

        var imported = await db.ImportFileAsync(institution, "calendar", Samples.PathOf("calendar"));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
        Assert.Equal((0, 1), (imported.Counts.Inserted, imported.Counts.Updated)); // the default year gives way
        var again = await db.ImportFileAsync(institution, "calendar", Samples.PathOf("calendar"));
        Assert.Equal((0, 0, 1), (again.Counts.Inserted, again.Counts.Updated, again.Counts.Unchanged));

        var (exit, output, error) = await db.RunCliAsync("calendar", "show");
        Assert.True(exit == 0, error);
        Assert.Contains("year    2026/27                 2026-09-01 to 2027-08-31 (Tue to Tue)", output, StringComparison.Ordinal);
        Assert.Contains("  inset   INSET day               2027-01-04 to 2027-01-04 (Mon to Mon)", output, StringComparison.Ordinal);
        Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith("  holiday", StringComparison.Ordinal) || l.StartsWith("  closed", StringComparison.Ordinal)));
    }
}

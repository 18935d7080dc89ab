using Caseload.Core.Domain;
using Caseload.Core.Exports;
using Caseload.Core.Features.References;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Destinations;

/// <summary>
/// The leavers of one academic year the viewer looks after: each one's intended destination, what they are doing now and
/// whether it was sustained, with the counts the destination measures report (decision 0022).
/// </summary>
public sealed class ListDestinations(DestinationAccess access)
{
    public sealed record Row(int StudentId, string Student, string? Group, DateOnly? LeftOn, string? Intended, DestinationKind? IntendedKind,
        DestinationKind? Now, string? Where, SustainedDestination.Result Sustained, DateOnly? Ended = null);

    public sealed record View(int Year, IReadOnlyList<Row> Rows)
    {
        /// <summary>"2025/26".</summary>
        public string YearName => $"{Year}/{(Year + 1) % 100:00}";
        public int Count(SustainedDestination.Outcome outcome) => Rows.Count(r => r.Sustained.Outcome == outcome);
        public int Sustained => Rows.Count(r => r.Sustained.Sustained);
        public int NoneRecorded => Rows.Count(r => r.Now is null);
    }

    /// <summary>The academic year whose leavers are shown by default: the last one that has ended.</summary>
    public static int DefaultYear(DateOnly today) => (today.Month >= 8 ? today.Year : today.Year - 1) - 1;

    /// <param name="year">The first calendar year of the academic year the students left in (2025 for 2025/26).</param>
    public async Task<View> HandleAsync(StudentScope scope, int? year, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.RecordDestinations);
        var db = access.Db;
        var y = year ?? DefaultYear(access.Today);
        if (y < 2000 || y > access.Today.Year + 1)
        {
            throw new ValidationException($"the leaving year {y} is out of range; expected 2000 to {access.Today.Year + 1}");
        }
        DateOnly from = new(y, 8, 1), to = new(y + 1, 7, 31);
        var leavers = await access.Students(scope).AsNoTracking().Where(s => !s.OnRoll && s.LeftOn >= from && s.LeftOn <= to)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, Group = s.TutorGroup!.Code, s.LeftOn })
            .ToListAsync(ct);
        var ids = leavers.Select(s => s.Id).ToList();
        var activities = (await db.DestinationActivities.AsNoTracking().Where(a => ids.Contains(a.StudentId)).ToListAsync(ct)).ToLookup(a => a.StudentId);
        var applications = (await db.Applications.AsNoTracking().Where(a => ids.Contains(a.StudentId))
            .Select(a => new
            {
                a.StudentId,
                a.Route,
                a.CycleId,
                Firm = db.ApplicationChoices.Where(c => c.ApplicationId == a.Id && c.Reply == ChoiceReply.Firm).Select(c => c.Course + ", " + c.Provider).FirstOrDefault(),
            })
            .ToListAsync(ct)).ToLookup(a => a.StudentId);
        var rows = leavers.Select(s =>
        {
            var mine = activities[s.Id].OrderBy(a => a.From).ToList();
            // What they are doing today; else the latest thing recorded (ended, or not begun yet).
            var today = access.Today;
            var current = mine.LastOrDefault(a => a.From <= today && (a.To is null || a.To >= today)) ?? mine.LastOrDefault();
            var app = applications[s.Id].OrderByDescending(a => a.CycleId).FirstOrDefault();
            var sustained = SustainedDestination.Evaluate(s.LeftOn,
                [.. mine.Select(a => new SustainedDestination.Activity(DestinationWords.Counts(a.Kind), a.From, a.To))], access.Today);
            return new Row(s.Id, s.Name, s.Group, s.LeftOn,
                app is null ? null : app.Firm ?? ReferenceWords.Describe(app.Route), app is null ? null : DestinationWords.Intended(app.Route),
                current?.Kind, current?.Provider, sustained, current?.To < today ? current.To : null);
        }).ToList();
        return new View(y, rows);
    }

    /// <summary>The counts and each leaver, as the page shows them, for CSV and Excel.</summary>
    public static IReadOnlyList<ExportTable> Tables(View v) =>
    [
        new ExportTable($"Destinations of {v.YearName} leavers", ["Destination", "Students", "Share %"],
            [.. Enum.GetValues<SustainedDestination.Outcome>().Select(o => (IReadOnlyList<object?>)[SustainedDestination.Words(o), v.Count(o),
                v.Rows.Count == 0 ? null : Math.Round(100.0 * v.Count(o) / v.Rows.Count, 1)])]),
        new ExportTable("Leavers", ["Student", "Tutor group", "Left on", "Intended", "Now or last recorded", "Where", "Ended", "Sustained", "Why"],
            [.. v.Rows.Select(r => (IReadOnlyList<object?>)[r.Student, r.Group, r.LeftOn?.ToString("yyyy-MM-dd"), r.Intended,
                r.Now is { } k ? DestinationWords.Describe(k) : null, r.Where, r.Ended?.ToString("yyyy-MM-dd"), SustainedDestination.Words(r.Sustained.Outcome), r.Sustained.Why])]),
    ];
}

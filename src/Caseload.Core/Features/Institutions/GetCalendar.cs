using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Institutions;

/// <summary>The institution's calendar as it holds it: each academic year with its terms and closed days, latest first.</summary>
public static class GetCalendar
{
    public sealed record Year(string Name, DateOnly Start, DateOnly End, IReadOnlyList<Period> Terms, IReadOnlyList<Period> Closed);

    public sealed record Period(string Name, DateOnly Start, DateOnly End, ClosureKind? Kind = null)
    {
        /// <summary>Monday-to-Friday days in the period, what a school counts in.</summary>
        public int Weekdays => Enumerable.Range(0, End.DayNumber - Start.DayNumber + 1).Count(i => Start.AddDays(i).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    public static async Task<IReadOnlyList<Year>> HandleAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default)
    {
        var years = await db.AcademicYears.AsNoTracking().Include(y => y.Terms).Where(y => y.InstitutionId == institutionId).ToListAsync(ct);
        var closed = await db.Closures.AsNoTracking().Where(c => c.InstitutionId == institutionId).ToListAsync(ct);
        return [.. years.OrderByDescending(y => y.StartDate).Select(y => new Year(y.Name, y.StartDate, y.EndDate,
            [.. y.Terms.OrderBy(t => t.StartDate).Select(t => new Period(t.Name, t.StartDate, t.EndDate))],
            [.. closed.Where(c => c.StartDate >= y.StartDate && c.StartDate <= y.EndDate).OrderBy(c => c.StartDate).Select(c => new Period(c.Name, c.StartDate, c.EndDate, c.Kind))]))];
    }

    /// <summary>The calendar as lines of text (the CLI's <c>calendar show</c>).</summary>
    public static async Task<IReadOnlyList<string>> LinesAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default)
    {
        var lines = new List<string>();
        foreach (var y in await HandleAsync(db, institutionId, ct))
        {
            lines.Add(Line("year", y.Name, y.Start, y.End));
            lines.AddRange(y.Terms.Select(t => "  " + Line("term", t.Name, t.Start, t.End)));
            lines.AddRange(y.Closed.Select(c => "  " + Line(c.Kind.ToString()!.ToLowerInvariant(), c.Name, c.Start, c.End)));
        }
        return lines;
    }

    private static string Line(string kind, string name, DateOnly start, DateOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind,-8}{name,-24}{start:yyyy-MM-dd} to {end:yyyy-MM-dd} ({start:ddd} to {end:ddd})");
}

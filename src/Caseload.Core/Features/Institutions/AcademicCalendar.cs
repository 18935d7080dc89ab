using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Institutions;

/// <summary>
/// A default English academic year (1 September to 31 August) with three terms. Institutions edit the dates;
/// this only gives a new database something sensible.
/// </summary>
public static class AcademicCalendar
{
    public static int StartYearOf(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;

    public static AcademicYear YearContaining(int institutionId, DateOnly date)
    {
        var y = StartYearOf(date);
        return new AcademicYear
        {
            InstitutionId = institutionId,
            Name = $"{y}/{(y + 1) % 100:00}",
            StartDate = new DateOnly(y, 9, 1),
            EndDate = new DateOnly(y + 1, 8, 31),
            Terms =
            [
                new Term { Name = "Autumn", StartDate = new DateOnly(y, 9, 1), EndDate = new DateOnly(y, 12, 31) },
                new Term { Name = "Spring", StartDate = new DateOnly(y + 1, 1, 1), EndDate = new DateOnly(y + 1, 3, 31) },
                new Term { Name = "Summer", StartDate = new DateOnly(y + 1, 4, 1), EndDate = new DateOnly(y + 1, 8, 31) },
            ],
        };
    }

    /// <summary>The academic year and term a day falls in, by the institution's own dates ("this year", "this term").</summary>
    public sealed record Current(string YearName, DateOnly YearStart, string TermName, DateOnly TermStart);

    public static async Task<Current> ForAsync(CaseloadDbContext db, int institutionId, DateOnly today, CancellationToken ct = default)
    {
        var year = await db.AcademicYears.AsNoTracking().Include(y => y.Terms)
            .Where(y => y.InstitutionId == institutionId && y.StartDate <= today)
            .OrderByDescending(y => y.StartDate).FirstOrDefaultAsync(ct);
        if (year is null)
        {
            return new Current("this year", DateOnly.MinValue, "this term", DateOnly.MinValue);
        }
        var term = year.Terms.Where(t => t.StartDate <= today).OrderByDescending(t => t.StartDate).FirstOrDefault();
        return new Current(year.Name, year.StartDate, term?.Name ?? "this term", term?.StartDate ?? year.StartDate);
    }
}

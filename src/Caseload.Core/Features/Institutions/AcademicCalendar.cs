using Caseload.Core.Domain;

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
}

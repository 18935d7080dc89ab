using Caseload.Core.Data;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Overview;

/// <summary>
/// The first page's data: the tutor groups and students a member of staff may see (their caseload, team, year or
/// institution), with attendance this academic year. Reads the weekly summaries, never the raw marks, so its cost
/// does not grow with a year of registers.
/// </summary>
public sealed class GetInstitutionOverview(CaseloadDbContext db)
{
    public sealed record StudentLine(int Id, string ExternalId, string Name, string? TutorGroup, int Possible, int Attended, int Lates)
    {
        public decimal? AttendancePercent => Possible == 0 ? null : Math.Round(100m * Attended / Possible, 1);
    }

    public sealed record GroupLine(string Code, string Year, string? Tutor, IReadOnlyList<StudentLine> Students)
    {
        public decimal? AttendancePercent
        {
            get
            {
                var possible = Students.Sum(s => s.Possible);
                return possible == 0 ? null : Math.Round(100m * Students.Sum(s => s.Attended) / possible, 1);
            }
        }
    }

    public sealed record Result(int InstitutionId, string Code, string Name, string AcademicYear, IReadOnlyList<GroupLine> Groups, IReadOnlyList<StudentLine> Ungrouped,
        Rules.AttendanceBands Bands);

    public async Task<Result?> HandleAsync(StudentScope scope, DateOnly today, CancellationToken ct = default)
    {
        var institutionId = scope.Viewer.InstitutionId;
        var visible = scope.Pastoral(db);
        var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == institutionId, ct);
        if (institution is null)
        {
            return null;
        }
        var year = await db.AcademicYears.AsNoTracking()
            .Where(y => y.InstitutionId == institutionId && y.StartDate <= today)
            .OrderByDescending(y => y.StartDate).FirstOrDefaultAsync(ct);
        var from = Rules.Weeks.FirstOf(year?.StartDate ?? DateOnly.MinValue);
        var to = year?.EndDate ?? DateOnly.MaxValue;

        var totals = await db.AttendanceWeeks.AsNoTracking()
            .Where(w => w.WeekStart >= from && w.WeekStart <= to && visible.Any(s => s.Id == w.StudentId))
            .GroupBy(w => w.StudentId)
            .Select(g => new { StudentId = g.Key, Possible = g.Sum(w => w.Possible), Attended = g.Sum(w => w.Present + w.ApprovedActivity), Lates = g.Sum(w => w.Lates) })
            .ToDictionaryAsync(x => x.StudentId, ct);

        var students = await visible.AsNoTracking()
            .Where(s => s.OnRoll)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, s.ExternalId, s.FirstName, s.PreferredName, s.LastName, Group = s.TutorGroup == null ? null : s.TutorGroup.Code })
            .ToListAsync(ct);
        var lines = students.Select(s =>
        {
            var t = totals.GetValueOrDefault(s.Id);
            return new StudentLine(s.Id, s.ExternalId, $"{s.PreferredName ?? s.FirstName} {s.LastName}", s.Group, t?.Possible ?? 0, t?.Attended ?? 0, t?.Lates ?? 0);
        }).ToList();

        var groups = await db.TutorGroups.AsNoTracking()
            .Where(g => g.InstitutionId == institutionId)
            .OrderBy(g => g.Code)
            .Select(g => new { g.Code, Year = g.YearGroup!.Name, Tutor = g.Tutor == null ? null : g.Tutor.FirstName + " " + g.Tutor.LastName })
            .ToListAsync(ct);
        var byGroup = lines.Where(l => l.TutorGroup is not null).ToLookup(l => l.TutorGroup!, StringComparer.OrdinalIgnoreCase);
        return new Result(institution.Id, institution.Code, institution.Name, year?.Name ?? "all dates",
            [.. groups.Where(g => byGroup[g.Code].Any()).Select(g => new GroupLine(g.Code, g.Year, g.Tutor, [.. byGroup[g.Code]]))],
            [.. lines.Where(l => l.TutorGroup is null)], new Rules.AttendanceBands(institution.AttendanceGoodFrom, institution.AttendanceWatchFrom));
    }
}

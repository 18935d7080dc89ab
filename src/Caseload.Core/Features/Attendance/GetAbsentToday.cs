using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Attendance;

/// <summary>
/// Who of the viewer's students (their pastoral view: a progress leader's years, a tutor's group) is marked absent in a
/// register today, those with no reason yet ("N") first: the first job of a progress leader's morning, before the 48
/// hours for a first-day call run out. Figures only come from registers already taken: a student with no mark yet is
/// not absent.
/// </summary>
public sealed class GetAbsentToday(CaseloadDbContext db, ReferenceData reference)
{
    /// <param name="Marks">Today's absence marks in session order ("AM N", "P3 I").</param>
    /// <param name="NoReason">At least one absence today has no reason yet ("N").</param>
    /// <param name="Unauthorised">At least one absence today is unauthorised (including "N").</param>
    public sealed record Absent(int StudentId, string Name, string Initials, bool HasPhoto, string? TutorGroup, string? Year,
        IReadOnlyList<(string Session, string Code, string Meaning)> Marks, bool NoReason, bool Unauthorised);

    /// <param name="OnRoll">The viewer's students on roll.</param>
    /// <param name="Marked">How many of them have at least one register mark today (registers taken so far).</param>
    /// <param name="LastMarked">When no register is in for the day: the last day before it with marks (to look at instead).</param>
    public sealed record Result(DateOnly Day, int OnRoll, int Marked, IReadOnlyList<Absent> Students, DateOnly? LastMarked = null)
    {
        public int NoReason => Students.Count(s => s.NoReason);
    }

    /// <param name="day">Today, or a day before it: at most <see cref="Limits.AbsentDaysBack"/> days back.</param>
    public async Task<Result> HandleAsync(StudentScope scope, DateOnly today, DateOnly? day = null, CancellationToken ct = default)
    {
        if (day is { } d && (d > today || d < today.AddDays(-Limits.AbsentDaysBack)))
        {
            throw new ValidationException($"{d:d MMMM yyyy} is {(d > today ? "in the future" : $"more than {Limits.AbsentDaysBack} days ago")}; expected a day from {today.AddDays(-Limits.AbsentDaysBack):d MMMM yyyy} to today");
        }
        today = day ?? today;
        var students = scope.Pastoral(db).Where(s => s.OnRoll);
        var codes = (await reference.ForAsync(scope.Viewer.InstitutionId, ct)).Codes;
        var onRoll = await students.CountAsync(ct);
        var marks = await db.AttendanceMarks.AsNoTracking()
            .Where(m => m.Date == today && students.Select(s => s.Id).Contains(m.StudentId))
            .Select(m => new { m.StudentId, m.Session, m.Code })
            .ToListAsync(ct);
        var absences = marks.Where(m => codes.TryGetValue(m.Code, out var c) && c.Meaning.IsAbsence()).ToLookup(m => m.StudentId);
        var ids = absences.Select(a => a.Key).ToList();
        var people = await db.Students.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                First = s.PreferredName ?? s.FirstName,
                s.LastName,
                HasPhoto = db.StudentPhotos.Any(p => p.StudentId == s.Id),
                Group = s.TutorGroup == null ? null : s.TutorGroup.Code,
                Year = s.YearGroup == null ? null : s.YearGroup.Name,
            })
            .ToListAsync(ct);
        var absent = people.Select(p =>
            {
                var mine = absences[p.Id].OrderBy(m => Sessions.Order(m.Session)).ThenBy(m => m.Session, StringComparer.Ordinal)
                    .Select(m => (m.Session, m.Code, Meaning: codes[m.Code].Description)).ToList();
                return new Absent(p.Id, $"{p.First} {p.LastName}", Student.Initials(p.First, p.LastName), p.HasPhoto, p.Group, p.Year, mine,
                    mine.Any(m => m.Code == SchoolDays.NoReasonYet), mine.Any(m => codes[m.Code].Meaning == AttendanceMeaning.UnauthorisedAbsence));
            })
            .OrderByDescending(a => a.NoReason).ThenByDescending(a => a.Unauthorised)
            .ThenBy(a => a.TutorGroup, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        DateOnly? last = null;
        if (marks.Count == 0 && onRoll > 0)
        {
            var since = today.AddDays(-Limits.AbsentDaysBack);
            last = await db.AttendanceMarks.Where(m => m.Date < today && m.Date >= since && students.Select(s => s.Id).Contains(m.StudentId))
                .MaxAsync(m => (DateOnly?)m.Date, ct);
        }
        return new Result(today, onRoll, marks.Select(m => m.StudentId).Distinct().Count(), absent, last);
    }
}

/// <summary>The day's order of register sessions: morning registration, lessons by number (the afternoon's registration
/// after the fourth), anything else last.</summary>
public static class Sessions
{
    public static int Order(string session) => session.ToUpperInvariant() switch
    {
        "AM" => 0,
        "PM" => 45,
        ['P', .. var n] when int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var lesson) => lesson * 10,
        _ => 1000,
    };
}

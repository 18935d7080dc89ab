using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Classes;

/// <summary>
/// A subject teacher's classes: each teaching group they teach (the enrolments' <c>teaching_group</c>, or the whole course
/// where there is none) with its students on roll, their photo, tutor group, today's register marks, target grade and
/// latest grade, and whether that is above, on or below target. What a teacher sees of these students is their academic
/// view (docs/access.md); from here they raise a concern, log an incident or give rewards.
/// </summary>
public sealed class GetMyClasses(CaseloadDbContext db, ReferenceData reference)
{
    /// <param name="Today">Today's register marks, in session order ("AM /", "P3 N"); empty when none are in yet.</param>
    public sealed record Pupil(int StudentId, string Name, string Initials, bool HasPhoto, string? TutorGroup, string? Target, string? Latest, string? LatestAt, int? Gap,
        IReadOnlyList<(string Session, string Code)> Today);

    /// <param name="Group">The teaching group ("12A/Bi1"), or the course code where the course is taught as one group.</param>
    public sealed record Class(string Code, string Group, string Name, string Qualification, IReadOnlyList<Pupil> Students)
    {
        /// <summary>A name for ids and links: letters, digits and dashes.</summary>
        public string Key => new([.. Group.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
    }

    public async Task<IReadOnlyList<Class>> HandleAsync(Viewer viewer, DateOnly today, CancellationToken ct = default)
    {
        var me = viewer.StaffId;
        var rows = await db.Enrolments.AsNoTracking()
            .Where(e => e.TeacherStaffId == me && e.Status == EnrolmentStatus.Active && e.Student!.InstitutionId == viewer.InstitutionId && e.Student.OnRoll)
            .Select(e => new
            {
                EnrolmentId = e.Id,
                e.StudentId,
                First = e.Student!.PreferredName ?? e.Student.FirstName,
                e.Student.LastName,
                e.TeachingGroup,
                HasPhoto = db.StudentPhotos.Any(p => p.StudentId == e.StudentId),
                Group = e.Student.TutorGroup == null ? null : e.Student.TutorGroup.Code,
                e.Course!.Code,
                CourseName = e.Course.Name,
                e.Course.Qualification,
                e.Course.GradeScaleId,
                e.TargetGrade,
                Latest = db.AssessmentGrades.Where(g => g.EnrolmentId == e.Id)
                    .Join(db.DataPoints, g => g.DataPointId, d => d.Id, (g, d) => new { g.Grade, d.Date, d.Name })
                    .OrderByDescending(x => x.Date).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.StudentId).Distinct().ToList();
        var marks = (await db.AttendanceMarks.AsNoTracking().Where(m => m.Date == today && ids.Contains(m.StudentId))
                .Select(m => new { m.StudentId, m.Session, m.Code }).ToListAsync(ct))
            .ToLookup(m => m.StudentId, m => (m.Session, m.Code));
        var ranks = (await reference.ForAsync(viewer.InstitutionId, ct)).Ranks;
        int? Rank(int scale, string? grade) => grade is not null && ranks.TryGetValue((scale, grade), out var r) ? r : null;
        return [.. rows.GroupBy(r => (r.Code, Group: r.TeachingGroup ?? r.Code, r.CourseName, r.Qualification))
            .OrderBy(g => g.Key.CourseName, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key.Group, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Class(g.Key.Code, g.Key.Group, g.Key.CourseName, g.Key.Qualification, [.. g
                .OrderBy(r => r.LastName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.First, StringComparer.OrdinalIgnoreCase)
                .Select(r => new Pupil(r.StudentId, $"{r.First} {r.LastName}", Domain.Student.Initials(r.First, r.LastName), r.HasPhoto, r.Group, r.TargetGrade, r.Latest?.Grade, r.Latest?.Name,
                    Rank(r.GradeScaleId, r.Latest?.Grade) is { } latest && Rank(r.GradeScaleId, r.TargetGrade) is { } target ? latest - target : null,
                    [.. marks[r.StudentId].OrderBy(m => Attendance.Sessions.Order(m.Session)).ThenBy(m => m.Session, StringComparer.Ordinal)]))]))];
    }
}

using Caseload.Core.Data;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Classes;

/// <summary>
/// A subject teacher's classes: each course they teach (the teaching group) with its students on roll, their tutor
/// group, target grade and latest grade, and whether that is above, on or below target. What a teacher sees of these
/// students is their academic view (docs/access.md); from here they raise a concern, log an incident or give rewards.
/// </summary>
public sealed class GetMyClasses(CaseloadDbContext db, ReferenceData reference)
{
    public sealed record Pupil(int StudentId, string Name, string? TutorGroup, string? Target, string? Latest, string? LatestAt, int? Gap);

    public sealed record Class(string Code, string Name, string Qualification, IReadOnlyList<Pupil> Students);

    public async Task<IReadOnlyList<Class>> HandleAsync(Viewer viewer, CancellationToken ct = default)
    {
        var me = viewer.StaffId;
        var rows = await db.Enrolments.AsNoTracking()
            .Where(e => e.TeacherStaffId == me && e.Student!.InstitutionId == viewer.InstitutionId && e.Student.OnRoll)
            .Select(e => new
            {
                EnrolmentId = e.Id,
                e.StudentId,
                Name = (e.Student!.PreferredName ?? e.Student.FirstName) + " " + e.Student.LastName,
                e.Student.LastName,
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
        var ranks = (await reference.ForAsync(viewer.InstitutionId, ct)).Ranks;
        int? Rank(int scale, string? grade) => grade is not null && ranks.TryGetValue((scale, grade), out var r) ? r : null;
        return [.. rows.GroupBy(r => (r.Code, r.CourseName, r.Qualification))
            .OrderBy(g => g.Key.CourseName, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Class(g.Key.Code, g.Key.CourseName, g.Key.Qualification, [.. g
                .OrderBy(r => r.LastName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .Select(r => new Pupil(r.StudentId, r.Name, r.Group, r.TargetGrade, r.Latest?.Grade, r.Latest?.Name,
                    Rank(r.GradeScaleId, r.Latest?.Grade) is { } latest && Rank(r.GradeScaleId, r.TargetGrade) is { } target ? latest - target : null))]))];
    }
}

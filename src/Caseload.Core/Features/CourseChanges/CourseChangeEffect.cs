using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>Reads what <see cref="StudyProgramme.Of"/> needs for one student and one change: their active courses (a
/// course without a start date starts with the academic year), and the course joined.</summary>
public static class CourseChangeEffect
{
    public static async Task<StudyProgramme.Effect> OfAsync(CaseloadDbContext db, int institutionId, int studentId, CourseChangeKind kind,
        int? fromCourseId, int? toCourseId, DateOnly on, CancellationToken ct)
    {
        var yearStart = await db.AcademicYears.AsNoTracking().Where(y => y.InstitutionId == institutionId && y.StartDate <= on)
            .OrderByDescending(y => y.StartDate).Select(y => (DateOnly?)y.StartDate).FirstOrDefaultAsync(ct);
        var current = (await db.Enrolments.AsNoTracking().Where(e => e.StudentId == studentId && e.Status == EnrolmentStatus.Active)
                .Select(e => new { e.CourseId, e.Course!.Code, e.Course.Name, e.Course.PlannedHours, e.StartDate, e.Course.ConditionSubject }).ToListAsync(ct))
            .Select(e => new StudyProgramme.Course(e.CourseId, e.Code, e.Name, e.PlannedHours, e.StartDate ?? yearStart ?? on, e.ConditionSubject)).ToList();
        StudyProgramme.Course? joining = null;
        if (toCourseId is { } to && await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == to && c.InstitutionId == institutionId, ct) is { } course)
        {
            joining = new StudyProgramme.Course(course.Id, course.Code, course.Name, course.PlannedHours, kind == CourseChangeKind.Add ? on : on.AddDays(1), course.ConditionSubject);
        }
        IReadOnlyCollection<int> leaving = kind == CourseChangeKind.Withdraw ? [.. current.Select(c => c.Id)] : fromCourseId is { } from ? [from] : [];
        return StudyProgramme.Of(current, leaving, joining, on, kind == CourseChangeKind.Withdraw);
    }
}

using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.References;

/// <summary>A student's application as their tutor or senior tutor sees it: each course with its teacher, current and
/// target grades, the teacher's predicted grade and words; the reference's sections with the count against 4,000; the
/// deadline; and what the viewer may do next.</summary>
public sealed class GetApplication(ReferenceAccess access)
{
    public sealed record Course(int EnrolmentId, string Name, string? Teacher, string? Current, string? Target, long? ContributionId, string? Predicted,
        string? Words, DateOnly? DueOn, DateTime? SubmittedAt, bool PredictedByTutor = false, IReadOnlyList<string>? Grades = null);

    public sealed record View(Application Application, string Student, ReferenceCycle Cycle, IReadOnlyList<Course> Courses, int Length, DateOnly Deadline,
        bool MayCheck, IReadOnlyDictionary<int, string> People)
    {
        public bool Ucas => ReferenceWords.HasUcasSections(Application.Route);
        public string? Name(int? staffId) => staffId is { } id && People.TryGetValue(id, out var n) ? n : null;
    }

    public async Task<View?> HandleAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var db = access.Db;
        var a = await access.Writable(scope).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }
        var cycle = await db.ReferenceCycles.AsNoTracking().FirstAsync(c => c.Id == a.CycleId, ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == a.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstAsync(ct);
        var contributions = await db.Contributions.AsNoTracking().Where(c => c.ApplicationId == a.Id).ToDictionaryAsync(c => c.EnrolmentId, ct);
        var ids = contributions.Keys.ToList();
        var courses = await db.Enrolments.AsNoTracking()
            .Where(e => e.StudentId == a.StudentId && (e.Status == EnrolmentStatus.Active || ids.Contains(e.Id)))
            .OrderBy(e => e.Course!.Name)
            .Select(e => new
            {
                e.Id,
                e.Course!.Name,
                Teacher = db.Staff.Where(s => s.Id == e.TeacherStaffId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefault(),
                e.TargetGrade,
                e.TeacherStaffId,
                Grades = db.Grades.Where(g => g.GradeScaleId == e.Course.GradeScaleId).OrderByDescending(g => g.Rank).Select(g => g.Code).ToList(),
                Current = db.AssessmentGrades.Where(g => g.EnrolmentId == e.Id).Join(db.DataPoints, g => g.DataPointId, d => d.Id, (g, d) => new { g.Grade, d.Date })
                    .OrderByDescending(g => g.Date).Select(g => g.Grade).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var staff = new[] { a.CreatedByStaffId, a.PredictionsSignedOffByStaffId, a.DraftedByStaffId, a.CheckedByStaffId, a.ReleasedByStaffId }.OfType<int>().ToList();
        var people = await db.Staff.AsNoTracking().Where(s => staff.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var ucas = ReferenceWords.HasUcasSections(a.Route);
        return new View(a, student, cycle,
            [.. courses.Select(e => contributions.TryGetValue(e.Id, out var c)
                ? new Course(e.Id, e.Name, e.Teacher, e.Current, e.TargetGrade, c.Id, c.PredictedGrade, c.Text, c.DueOn, c.SubmittedAt,
                    c.PredictedByStaffId is { } by && by != c.TeacherStaffId, e.Grades)
                : new Course(e.Id, e.Name, e.Teacher, e.Current, e.TargetGrade, null, null, null, null, null))],
            ReferenceAccess.Length(ucas ? cycle.CentreStatement : null, a.Extenuating, a.Supportive),
            a.EarlyDeadline ? cycle.EarlyDeadline : cycle.MainDeadline,
            await access.MayCheckAsync(scope.Viewer, a.StudentId, ct), people);
    }

    /// <summary>The id of a student's application in the latest cycle, if they have one the viewer may see.</summary>
    public Task<long?> LatestAsync(StudentScope scope, int studentId, CancellationToken ct = default) =>
        access.Writable(scope).Where(a => a.StudentId == studentId).OrderByDescending(a => a.CycleId).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
}

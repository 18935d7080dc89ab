using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Targets;

/// <summary>
/// A tutor (or anyone with the student's pastoral record) records the aspirational target agreed with the student for
/// one course. The grade must be on the course's scale; clearing it is allowed. The change is kept in the history.
/// </summary>
public sealed class SetAspirationalTarget(CaseloadDbContext db, TimeProvider clock)
{
    public sealed record Request(StudentScope Scope, int EnrolmentId, string? Grade, string Actor);

    /// <returns>False when the viewer may not see the enrolment's student (a page answers "not found").</returns>
    public async Task<bool> HandleAsync(Request request, CancellationToken ct = default)
    {
        var enrolment = await db.Enrolments.Include(e => e.Course).ThenInclude(c => c!.GradeScale).ThenInclude(s => s!.Grades)
            .FirstOrDefaultAsync(e => e.Id == request.EnrolmentId, ct);
        if (enrolment is null || !await request.Scope.Pastoral(db).AnyAsync(s => s.Id == enrolment.StudentId, ct))
        {
            return false;
        }
        var grades = enrolment.Course!.GradeScale!.Grades.OrderByDescending(g => g.Rank).Select(g => g.Code).ToList();
        var grade = string.IsNullOrWhiteSpace(request.Grade) ? null
            : grades.FirstOrDefault(g => string.Equals(g, request.Grade.Trim(), StringComparison.OrdinalIgnoreCase))
              ?? throw new ValidationException($"'{request.Grade.Trim()}' is not a grade on the {enrolment.Course.GradeScale.Name} scale of {enrolment.Course.Name}; expected one of {string.Join(", ", grades)}");
        if (grade == enrolment.AspirationalGrade)
        {
            return true;
        }
        db.TargetChanges.Add(new TargetChange
        {
            EnrolmentId = enrolment.Id,
            Kind = TargetKind.Aspirational,
            Previous = enrolment.AspirationalGrade,
            New = grade,
            ChangedAt = clock.GetUtcNow().UtcDateTime,
            ChangedBy = request.Actor,
            Reason = "agreed with the student",
        });
        enrolment.AspirationalGrade = grade;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

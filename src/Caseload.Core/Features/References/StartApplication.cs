using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.References;

/// <summary>The tutor starts a student's application in a cycle: the route (UCAS undergraduate, apprenticeship, employment,
/// other) and whether a course has the early deadline. One application a student a cycle.</summary>
public sealed class StartApplication(ReferenceAccess access)
{
    /// <returns>The application, or null when the viewer may not see the student's pastoral record.</returns>
    public async Task<Application?> HandleAsync(StudentScope scope, int studentId, int cycleId, ApplicationRoute route, bool earlyDeadline, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.WriteReferences);
        var db = access.Db;
        var student = await scope.Pastoral(db).AsNoTracking().Where(s => s.Id == studentId).Select(s => new { s.Id, s.InstitutionId, s.OnRoll }).FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        if (!student.OnRoll)
        {
            throw new ValidationException("the student is not on roll; expected a student on roll");
        }
        if (!Enum.IsDefined(route))
        {
            throw new ValidationException("choose the route: UCAS undergraduate, apprenticeship, employment or other");
        }
        var cycle = await db.ReferenceCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.InstitutionId == student.InstitutionId, ct)
            ?? throw new ValidationException("choose the application cycle (senior tutors add cycles on the references page)");
        if (await db.Applications.AnyAsync(a => a.StudentId == studentId && a.CycleId == cycle.Id, ct))
        {
            throw new ValidationException($"the student already has an application for {cycle.Name}; expected one a cycle");
        }
        var application = new Application
        {
            InstitutionId = student.InstitutionId,
            StudentId = student.Id,
            CycleId = cycle.Id,
            Route = route,
            EarlyDeadline = earlyDeadline && route == ApplicationRoute.UcasUndergraduate,
            Status = ReferenceStatus.Started,
            CreatedByStaffId = scope.Viewer.StaffId,
            CreatedAt = access.Now,
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        return application;
    }
}

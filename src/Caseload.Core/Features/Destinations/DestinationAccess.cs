using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Destinations;

/// <summary>
/// Who reads and records progression — the one place for it (decision 0022): choices and offers, the results-day list and
/// its follow-ups, and destinations after leaving, for students whose pastoral record the viewer sees, to holders of
/// <see cref="Operation.RecordDestinations"/> (tutors, senior tutors, progress leaders, careers advisers, senior leaders,
/// administrators). The reference itself stays with <see cref="References.ReferenceAccess"/>.
/// </summary>
public sealed class DestinationAccess(CaseloadDbContext db, TimeProvider clock)
{
    public CaseloadDbContext Db => db;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => clock.Today();

    /// <summary>Students whose progression the viewer may read and record.</summary>
    public IQueryable<Student> Students(StudentScope scope) =>
        scope.Viewer.May(Operation.RecordDestinations) ? scope.Pastoral(db) : db.Students.Where(s => false);

    /// <summary>Applications of those students.</summary>
    public IQueryable<Application> Applications(StudentScope scope)
    {
        var students = Students(scope).Select(s => s.Id);
        return db.Applications.Where(a => a.InstitutionId == scope.Viewer.InstitutionId && students.Contains(a.StudentId));
    }

    /// <summary>An application of a student the viewer may record for; refused as not found otherwise.</summary>
    public async Task<Application> ApplicationAsync(StudentScope scope, long id, CancellationToken ct)
    {
        scope.Viewer.Demand(Operation.RecordDestinations);
        return await Applications(scope).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("the application");
    }

    /// <summary>A student the viewer may record for, or refused as not found.</summary>
    public async Task<Student> StudentAsync(StudentScope scope, int studentId, CancellationToken ct)
    {
        scope.Viewer.Demand(Operation.RecordDestinations);
        return await Students(scope).AsNoTracking().FirstOrDefaultAsync(s => s.Id == studentId, ct) ?? throw new NotFoundException("the student");
    }

    public static string By(Viewer viewer) => $"staff:{viewer.StaffId}";
}

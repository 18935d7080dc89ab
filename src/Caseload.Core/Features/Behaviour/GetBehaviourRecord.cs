using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>A student's incidents (their own role only: not the other students'), sanctions and reports; empty for a
/// viewer without the student's pastoral record.</summary>
public sealed class GetBehaviourRecord(CaseloadDbContext db)
{
    public sealed record Record(IReadOnlyList<(BehaviourIncident Incident, IncidentRole Role)> Incidents, IReadOnlyList<Sanction> Sanctions, IReadOnlyList<OnReport> Reports);

    public async Task<Record> HandleAsync(StudentScope scope, int studentId, CancellationToken ct = default)
    {
        return await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct) ? await ReadAsync(db, studentId, ct) : new Record([], [], []);
    }

    /// <summary>The record, for a caller that has already found the viewer sees the student's pastoral record.</summary>
    internal static async Task<Record> ReadAsync(CaseloadDbContext db, int studentId, CancellationToken ct)
    {
        var incidents = await db.IncidentStudents.AsNoTracking().Where(i => i.StudentId == studentId)
            .Join(db.BehaviourIncidents, i => i.IncidentId, x => x.Id, (i, x) => new { x, i.Role })
            .OrderByDescending(x => x.x.On).ToListAsync(ct);
        return new Record([.. incidents.Select(i => (i.x, i.Role))],
            await db.Sanctions.AsNoTracking().Where(s => s.StudentId == studentId).OrderByDescending(s => s.On).ToListAsync(ct),
            await db.OnReports.AsNoTracking().Include(r => r.Days.OrderBy(d => d.Date)).Where(r => r.StudentId == studentId).OrderByDescending(r => r.From).ToListAsync(ct));
    }
}

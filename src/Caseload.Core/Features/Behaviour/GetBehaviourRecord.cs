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
        var incidents = await Incidents.For(db)(db, studentId).ListAsync(ct);
        return new Record([.. incidents.Select(i => (i.Incident, i.Role))],
            await Sanctions.For(db)(db, studentId).ListAsync(ct),
            await Reports.For(db)(db, studentId).ListAsync(ct));
    }

    // Read on every view of a student's page: compiled once (decision 0024).
    private sealed record Involved(BehaviourIncident Incident, IncidentRole Role);

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<Involved>>> Incidents = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, int studentId) =>
            db.IncidentStudents.AsNoTracking().Where(i => i.StudentId == studentId)
                .Join(db.BehaviourIncidents, i => i.IncidentId, x => x.Id, (i, x) => new { x, i.Role })
                .OrderByDescending(x => x.x.On)
                .Select(x => new Involved(x.x, x.Role))));

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<Sanction>>> Sanctions = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery<CaseloadDbContext, int, Sanction>((CaseloadDbContext db, int studentId) =>
            db.Sanctions.AsNoTracking().Where(s => s.StudentId == studentId).OrderByDescending(s => s.On)));

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<OnReport>>> Reports = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery<CaseloadDbContext, int, OnReport>((CaseloadDbContext db, int studentId) =>
            db.OnReports.AsNoTracking().Include(r => r.Days.OrderBy(d => d.Date)).Where(r => r.StudentId == studentId).OrderByDescending(r => r.From)));
}

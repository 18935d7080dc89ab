using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cases;

/// <summary>A student's cases, open first then newest (pastoral viewers; an empty list for anyone else).</summary>
public sealed class ListStudentCases(CaseloadDbContext db)
{
    public async Task<IReadOnlyList<InterventionCase>> HandleAsync(StudentScope scope, int studentId, CancellationToken ct = default) =>
        !await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct) ? [] : await ReadAsync(db, studentId, ct);

    /// <summary>The cases, for a caller that has already found the viewer sees the student's pastoral record.</summary>
    internal static async Task<IReadOnlyList<InterventionCase>> ReadAsync(CaseloadDbContext db, int studentId, CancellationToken ct) =>
        await Cases.For(db)(db, studentId).ListAsync(ct);

    // Read on every view of a student's page: compiled once (decision 0024).
    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<InterventionCase>>> Cases = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery<CaseloadDbContext, int, InterventionCase>((CaseloadDbContext db, int studentId) =>
            db.InterventionCases.AsNoTracking().Include(x => x.Actions)
                .Where(c => c.StudentId == studentId && c.DeletedAt == null)
                .OrderBy(c => c.Status).ThenByDescending(c => c.OpenedOn)));
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.ParentContacts;

/// <summary>A student's contact log, newest first (pastoral viewers; an empty list for anyone else).</summary>
public sealed class ListParentContacts(CaseloadDbContext db)
{
    public sealed record Line(ParentContact Contact, string By);

    public async Task<IReadOnlyList<Line>> HandleAsync(StudentScope scope, int studentId, CancellationToken ct = default) =>
        !await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct) ? [] : await ReadAsync(db, studentId, ct);

    /// <summary>The log, for a caller that has already found the viewer sees the student's pastoral record.</summary>
    internal static async Task<IReadOnlyList<Line>> ReadAsync(CaseloadDbContext db, int studentId, CancellationToken ct) =>
        await Lines.For(db)(db, studentId).ListAsync(ct);

    // Read on every view of a student's page: compiled once (decision 0024).
    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<Line>>> Lines = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, int studentId) =>
            db.ParentContacts.AsNoTracking().Where(c => c.StudentId == studentId && c.DeletedAt == null)
                .OrderByDescending(c => c.On).ThenByDescending(c => c.RecordedAt)
                .Select(c => new Line(c, db.Staff.Where(s => s.Id == c.StaffId).Select(s => s.FirstName + " " + s.LastName).First()))));
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cases;

/// <summary>A case with its actions, its stage and owner, and its whole history in order; null when the viewer does not
/// see the student's pastoral record (or there is no such case).</summary>
public sealed class GetCase(CaseloadDbContext db)
{
    public sealed record Detail(InterventionCase Case, string Student, string StageName, string? Owner, string OwnerRole,
        IReadOnlyList<CaseEvent> History, IReadOnlyList<InterventionStage> Stages)
    {
        /// <summary>Names for the history's "by" (recorded as <c>staff:{id}</c>).</summary>
        public IReadOnlyDictionary<string, string> People { get; init; } = new Dictionary<string, string>();
    }

    public async Task<Detail?> HandleAsync(StudentScope scope, long caseId, CancellationToken ct = default)
    {
        var c = await db.InterventionCases.AsNoTracking().Include(x => x.Actions.OrderBy(a => a.Due))
            .FirstOrDefaultAsync(x => x.Id == caseId && x.DeletedAt == null, ct);
        if (c is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == c.StudentId, ct))
        {
            return null;
        }
        var stages = await CaseStages.ForAsync(db, c.InstitutionId, ct);
        var stage = stages.FirstOrDefault(s => s.Number == c.Stage);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == c.StudentId)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstAsync(ct);
        var owner = c.OwnerStaffId is null ? null : await db.Staff.AsNoTracking().Where(s => s.Id == c.OwnerStaffId)
            .Select(s => s.FirstName + " " + s.LastName).FirstOrDefaultAsync(ct);
        var history = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var staffIds = history.Select(e => e.By).Where(b => b.StartsWith("staff:", StringComparison.Ordinal))
            .Select(b => int.TryParse(b.AsSpan(6), out var sid) ? sid : 0).Distinct().ToList();
        var people = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => $"staff:{s.Id}", s => s.FirstName + " " + s.LastName, ct);
        return new Detail(c, student, stage?.Name ?? $"Stage {c.Stage}", owner, stage?.OwnerRole ?? Roles.Tutor, history, stages) { People = people };
    }
}

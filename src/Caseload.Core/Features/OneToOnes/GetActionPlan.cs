using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.OneToOnes;

/// <summary>A student's action plan (open targets, and those reviewed) and their 1:1 meetings; null when the viewer does
/// not see the student's pastoral record.</summary>
public sealed class GetActionPlan(CaseloadDbContext db)
{
    public sealed record Plan(IReadOnlyList<PlanTarget> Open, IReadOnlyList<PlanTarget> Reviewed, IReadOnlyList<OneToOneMeeting> Meetings,
        IReadOnlyDictionary<int, string> People, bool Prioritised);

    public async Task<Plan?> HandleAsync(StudentScope scope, int studentId, CancellationToken ct = default)
    {
        return await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct) ? await ReadAsync(db, studentId, ct) : null;
    }

    /// <summary>The plan, for a caller that has already found the viewer sees the student's pastoral record.</summary>
    internal static async Task<Plan> ReadAsync(CaseloadDbContext db, int studentId, CancellationToken ct)
    {
        var targets = await Targets.For(db)(db, studentId).ListAsync(ct);
        // Each meeting with the name of who held it, in one query.
        var held = await Meetings.For(db)(db, studentId).ListAsync(ct);
        var people = held.Where(h => h.By is not null).GroupBy(h => h.Meeting.StaffId).ToDictionary(g => g.Key, g => g.First().By!);
        return new Plan([.. targets.Where(t => t.Status == PlanTargetStatus.Open)], [.. targets.Where(t => t.Status != PlanTargetStatus.Open)],
            [.. held.Select(h => h.Meeting)], people, await Prioritised.For(db)(db, studentId, ct));
    }

    // Read on every view of a student's page: compiled once (decision 0024).
    private sealed record Held(OneToOneMeeting Meeting, string? By);

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<PlanTarget>>> Targets = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery<CaseloadDbContext, int, PlanTarget>((CaseloadDbContext db, int studentId) =>
            db.PlanTargets.AsNoTracking().Where(t => t.StudentId == studentId).OrderBy(t => t.Due).ThenBy(t => t.Id)));

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<Held>>> Meetings = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, int studentId) =>
            db.OneToOneMeetings.AsNoTracking().Where(m => m.StudentId == studentId && m.DeletedAt == null)
                .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id)
                .Select(m => new Held(m, db.Staff.Where(s => s.Id == m.StaffId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefault()))));

    private static readonly Compiled<Func<CaseloadDbContext, int, CancellationToken, Task<bool>>> Prioritised = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, int studentId, CancellationToken ct) => db.OneToOnePriorities.Any(p => p.StudentId == studentId)));
}

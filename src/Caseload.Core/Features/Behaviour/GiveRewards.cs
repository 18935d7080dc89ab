using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>The same reward for several students at once (a class that worked well): all of them or none, each a
/// student the viewer sees (a subject teacher's own students included).</summary>
public sealed class GiveRewards(CaseloadDbContext db, TimeProvider clock)
{
    /// <summary>The most students one reward goes to (a whole class).</summary>
    public const int MaxStudents = Limits.StudentsPerIncident;

    /// <returns>How many were rewarded; null when the viewer may not see one of them (nothing saved).</returns>
    public async Task<int?> HandleAsync(StudentScope scope, IReadOnlyCollection<int> studentIds, string category, int points, string? description, CancellationToken ct = default)
    {
        var ids = studentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new ValidationException("tick the students to reward");
        }
        if (ids.Count > MaxStudents)
        {
            throw new ValidationException($"{ids.Count} students are ticked; expected at most {MaxStudents}");
        }
        if (points is < 1 or > 10)
        {
            throw new ValidationException($"a reward's points are {points}; expected 1 to 10");
        }
        var what = FreeText.Required(category, "what the reward is for", 100);
        var why = FreeText.Optional(description, "why", 1000);
        if (await scope.Visible(db).CountAsync(s => ids.Contains(s.Id), ct) != ids.Count)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.BehaviourEvents.AddRange(ids.Select(id => new BehaviourEvent
        {
            StudentId = id,
            ExternalKey = $"reward:{Guid.NewGuid():N}",
            Date = today,
            Type = BehaviourType.Positive,
            Category = what,
            Points = points,
            Description = why,
            StaffId = scope.Viewer.StaffId,
            RecordedAt = now,
            RecordedBy = $"staff:{scope.Viewer.StaffId}",
        }));
        await db.SaveChangesAsync(ct);
        await Analytics.StudentSummaries.RecomputeAsync(db, scope.Viewer.InstitutionId, ids, today, now, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return ids.Count;
    }
}

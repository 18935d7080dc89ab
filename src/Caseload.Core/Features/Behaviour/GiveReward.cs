using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>A reward (positive points, dated today) for a student whose record the viewer sees, subject teachers included.</summary>
public sealed class GiveReward(CaseloadDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Categories = ["Excellent work", "Effort", "Helping others", "Attendance", "Contribution", "Leadership"];

    public async Task<bool> HandleAsync(StudentScope scope, int studentId, string category, int points, string? description, CancellationToken ct = default)
    {
        if (!await scope.Visible(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return false;
        }
        if (points is < 1 or > 10)
        {
            throw new ValidationException($"a reward's points are {points}; expected 1 to 10");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.BehaviourEvents.Add(new BehaviourEvent
        {
            StudentId = studentId,
            ExternalKey = $"reward:{Guid.NewGuid():N}",
            Date = today,
            Type = BehaviourType.Positive,
            Category = FreeText.Required(category, "what the reward is for", 100),
            Points = points,
            Description = FreeText.Optional(description, "why", 1000),
            StaffId = scope.Viewer.StaffId,
            RecordedAt = now,
            RecordedBy = $"staff:{scope.Viewer.StaffId}",
        });
        await db.SaveChangesAsync(ct);
        await Analytics.StudentSummaries.RecomputeAsync(db, scope.Viewer.InstitutionId, [studentId], today, now, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return true;
    }
}

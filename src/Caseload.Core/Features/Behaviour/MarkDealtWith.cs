using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>Marks an event on the behaviour log as dealt with (once; who, when and a note kept).</summary>
public sealed class MarkDealtWith(CaseloadDbContext db, TimeProvider clock)
{
    /// <summary>Marks an event on the log as dealt with (once; who and when kept).</summary>
    public async Task<bool> HandleAsync(StudentScope scope, long eventId, string? note, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.UseBehaviourLog);
        var e = await db.BehaviourEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == e.StudentId, ct))
        {
            return false;
        }
        if (await db.BehaviourReviews.AnyAsync(r => r.BehaviourEventId == eventId, ct))
        {
            throw new ValidationException("this event has already been marked as dealt with");
        }
        db.BehaviourReviews.Add(new BehaviourReview
        {
            BehaviourEventId = eventId,
            ReviewedAt = clock.GetUtcNow().UtcDateTime,
            ReviewedByStaffId = scope.Viewer.StaffId,
            Note = FreeText.Optional(note, "the note", 1000),
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}

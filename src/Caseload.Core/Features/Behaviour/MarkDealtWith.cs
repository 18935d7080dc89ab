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

    /// <summary>The most events marked at once.</summary>
    public const int MaxAtOnce = Limits.IncidentsMarkedAtOnce;

    /// <summary>Marks several events dealt with at once, with one note; ones someone has dealt with meanwhile are left as
    /// they are. All or nothing: null when one of them is not the viewer's to mark.</summary>
    /// <returns>How many were marked now.</returns>
    public async Task<int?> HandleAsync(StudentScope scope, IReadOnlyCollection<long> eventIds, string? note, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.UseBehaviourLog);
        var ids = eventIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new ValidationException("tick the incidents that have been dealt with");
        }
        if (ids.Count > MaxAtOnce)
        {
            throw new ValidationException($"{ids.Count} incidents are ticked; expected at most {MaxAtOnce}");
        }
        var text = FreeText.Optional(note, "the note", 1000);
        var students = scope.Pastoral(db).Select(s => s.Id);
        var mine = await db.BehaviourEvents.AsNoTracking().Where(e => ids.Contains(e.Id) && students.Contains(e.StudentId)).Select(e => e.Id).ToListAsync(ct);
        if (mine.Count != ids.Count)
        {
            return null;
        }
        var done = await db.BehaviourReviews.Where(r => ids.Contains(r.BehaviourEventId)).Select(r => r.BehaviourEventId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = ids.Except(done).ToList();
        db.BehaviourReviews.AddRange(marked.Select(id => new BehaviourReview { BehaviourEventId = id, ReviewedAt = now, ReviewedByStaffId = scope.Viewer.StaffId, Note = text }));
        await db.SaveChangesAsync(ct);
        return marked.Count;
    }
}

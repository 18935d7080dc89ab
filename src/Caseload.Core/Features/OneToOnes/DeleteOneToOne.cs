using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.OneToOnes;

/// <summary>Soft delete with a reason (a meeting recorded on the wrong student): kept, out of every list and the schedule.</summary>
public sealed class DeleteOneToOne(OneToOneChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long id, int expectedVersion, string why, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, id, expectedVersion, m =>
        {
            m.DeletedReason = FreeText.Required(why, "why the meeting is deleted", 1000);
            m.DeletedAt = changes.Now;
            m.DeletedBy = changes.Actor;
        }, ct);
}

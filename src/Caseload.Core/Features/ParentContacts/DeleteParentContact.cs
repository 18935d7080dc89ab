using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.ParentContacts;

/// <summary>Soft delete with a reason: gone from the log and the timeline, kept (and visible to administrators in the audit log).</summary>
public sealed class DeleteParentContact(ParentContactChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long id, int expectedVersion, string why, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, id, expectedVersion, c =>
        {
            c.DeletedReason = FreeText.Required(why, "why the contact is deleted", 1000);
            c.DeletedAt = changes.Now;
            c.DeletedBy = changes.Actor;
        }, ct);
}

using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Cases;

/// <summary>Soft delete: kept with who, when and why; gone from every list; administrators see it in the audit log.</summary>
public sealed class DeleteCase(CaseChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long caseId, int expectedVersion, string why, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, caseId, expectedVersion, (c, _) =>
        {
            c.DeletedReason = FreeText.Required(why, "why the case is deleted");
            c.DeletedAt = changes.Now;
            c.DeletedBy = changes.Actor;
            return Task.FromResult(changes.Event(c.Id, CaseEventKind.Deleted, $"Deleted: {c.DeletedReason}", c.Stage, null));
        }, ct);
}

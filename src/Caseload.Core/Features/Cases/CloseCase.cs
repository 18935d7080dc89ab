using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Cases;

/// <summary>Closes an open case with its outcome.</summary>
public sealed class CloseCase(CaseChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long caseId, int expectedVersion, string outcome, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, caseId, expectedVersion, (c, _) =>
        {
            CaseChanges.OpenOnly(c);
            c.Outcome = FreeText.Required(outcome, "the outcome");
            c.Status = CaseStatus.Closed;
            c.ClosedOn = changes.Today;
            return Task.FromResult(changes.Event(c.Id, CaseEventKind.Closed, $"Closed: {c.Outcome}", c.Stage, null));
        }, ct);
}

using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Cases;

/// <summary>Rewrites what a case is about; the history keeps what it said before.</summary>
public sealed class EditCaseSummary(CaseChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long caseId, int expectedVersion, string summary, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, caseId, expectedVersion, (c, _) =>
        {
            var text = FreeText.Required(summary, "what the case is about");
            var previous = c.Summary;
            c.Summary = text;
            return Task.FromResult(changes.Event(c.Id, CaseEventKind.Edited, $"Summary changed. It was: {previous}", c.Stage, c.Stage));
        }, ct);
}

using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Cases;

/// <summary>Adds an action to an open case: what is to be done, who will do it, and by when.</summary>
public sealed class AddCaseAction(CaseChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long caseId, int expectedVersion, string what, string who, DateOnly due, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, caseId, expectedVersion, (c, _) =>
        {
            CaseChanges.OpenOnly(c);
            var action = new CaseAction { CaseId = c.Id, What = FreeText.Required(what, "what is to be done", 1000), Who = FreeText.Required(who, "who will do it", 200), Due = due };
            c.Actions.Add(action);
            return Task.FromResult(changes.Event(c.Id, CaseEventKind.ActionAdded, $"Action for {action.Who} by {due:d MMM yyyy}: {action.What}", c.Stage, c.Stage));
        }, ct);
}

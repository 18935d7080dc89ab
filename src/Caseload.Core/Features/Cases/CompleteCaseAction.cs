using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cases;

/// <summary>Marks a case's action done, against the version of the action the caller saw.</summary>
public sealed class CompleteCaseAction(CaseChanges changes)
{
    public async Task<bool> HandleAsync(StudentScope scope, long actionId, int expectedVersion, CancellationToken ct = default)
    {
        var db = changes.Db;
        var action = await db.CaseActions.FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null)
        {
            return false;
        }
        return await changes.ChangeAsync(scope, action.CaseId, null, (c, _) =>
        {
            var a = c.Actions.Single(x => x.Id == actionId);
            db.Entry(a).Property(x => x.Version).OriginalValue = expectedVersion;
            if (a.Done)
            {
                throw new ValidationException("the action is already done");
            }
            (a.Done, a.DoneOn) = (true, changes.Today);
            return Task.FromResult(changes.Event(c.Id, CaseEventKind.ActionDone, $"Done: {a.What} ({a.Who})", c.Stage, c.Stage));
        }, ct);
    }
}

using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cases;

/// <summary>
/// A senior leader takes a case waiting at a stage the senior leadership team owns: it becomes theirs (and leaves the
/// other senior leaders' inboxes). Refused when the case is not waiting for senior leaders or someone took it first.
/// </summary>
public sealed class TakeCase(CaseChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long caseId, int expectedVersion, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, caseId, expectedVersion, async (c, stages) =>
        {
            scope.Viewer.Demand(Operation.TakeCasesForSeniorLeaders);
            CaseChanges.OpenOnly(c);
            var stage = CaseStages.Of(stages, c.Stage);
            if (stage.OwnerRole != Roles.SeniorLeader)
            {
                throw new ValidationException($"{stage.Name} is owned by {CaseStages.OwnerWords(stage)}, not senior leaders; move the case to a senior leaders' stage first");
            }
            var staff = changes.Db.Staff;
            if (c.OwnerStaffId is { } owner)
            {
                var name = await staff.Where(s => s.Id == owner).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
                throw new ValidationException($"{name} has already taken this case");
            }
            c.OwnerStaffId = scope.Viewer.StaffId;
            var me = await staff.Where(s => s.Id == scope.Viewer.StaffId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
            return changes.Event(c.Id, CaseEventKind.Taken, $"Taken by {me} for the senior leadership team", c.Stage, c.Stage);
        }, ct);
}

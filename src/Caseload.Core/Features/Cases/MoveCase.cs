using Caseload.Core.Domain;
using Caseload.Core.Features.Notifications;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cases;

/// <summary>Escalates or de-escalates a case with a written reason; the new stage's owner takes it over (and is told).</summary>
public sealed class MoveCase(CaseChanges changes, Notifier? notifier = null)
{
    public async Task<bool> HandleAsync(StudentScope scope, long caseId, int expectedVersion, int toStage, string why, CancellationToken ct = default)
    {
        var db = changes.Db;
        int? newOwner = null;
        var moved = await changes.ChangeAsync(scope, caseId, expectedVersion, async (c, stages) =>
        {
            CaseChanges.OpenOnly(c);
            var stage = CaseStages.Of(stages, toStage);
            if (stage.Number == c.Stage)
            {
                throw new ValidationException($"the case is already at {stage.Name}; choose another stage");
            }
            var reason = FreeText.Required(why, $"why the case moves to {stage.Name}");
            var from = c.Stage;
            c.Stage = stage.Number;
            var before = c.OwnerStaffId;
            c.OwnerStaffId = await CaseStages.OwnerAsync(db, c.StudentId, stage, scope.Viewer, ct);
            newOwner = c.OwnerStaffId != before && c.OwnerStaffId != scope.Viewer.StaffId ? c.OwnerStaffId : null;
            c.NextReview = changes.Today.AddDays(stage.ReviewDays);
            var owner = c.OwnerStaffId is null ? CaseStages.OwnerWords(stage)
                : await db.Staff.Where(s => s.Id == c.OwnerStaffId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
            var up = stage.Number > from;
            return changes.Event(c.Id, up ? CaseEventKind.Escalated : CaseEventKind.DeEscalated,
                $"{(up ? "Escalated" : "De-escalated")} from Stage {from} to {stage.Name}, now owned by {owner}: {reason}", from, stage.Number);
        }, ct);
        if (moved && newOwner is { } told && notifier is not null)
        {
            await notifier.CaseHandedOverAsync(caseId, told, ct);
        }
        return moved;
    }
}

using Caseload.Core.Data;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.TargetBank;

/// <summary>Adds a model target to the bank (senior tutors and leaders: <see cref="Operation.UseTargetBank"/>).</summary>
public sealed class AddBankTarget(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public async Task HandleAsync(Viewer viewer, string text, string area, CancellationToken ct = default)
    {
        viewer.Demand(Operation.UseTargetBank);
        var t = FreeText.Required(text, "the model target", 1000);
        var a = FreeText.Required(area, "the area it belongs to (attendance, organisation, progress…)", 50);
        if (!await BankTargets.AddIfNewAsync(db, viewer.InstitutionId, t, a, clock.GetUtcNow().UtcDateTime, actor.Name, ct))
        {
            throw new ValidationException($"\"{FreeText.Short(t)}\" is already in the bank");
        }
        await db.SaveChangesAsync(ct);
    }
}

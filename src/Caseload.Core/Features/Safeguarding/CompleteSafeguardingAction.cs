using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>The owner of a safeguarding action (or the safeguarding team) marks it done, with what was done; the note
/// joins the child's chronology, for the safeguarding team to read. Against the version the owner saw.</summary>
public sealed class CompleteSafeguardingAction(ReferralAccess access)
{
    /// <returns>False when there is no such open action the viewer owns or the team may act on.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long id, int expectedVersion, string? note, CancellationToken ct = default)
    {
        var db = access.Db;
        var v = scope.Viewer;
        var team = access.ReadableEntries(v).Select(e => e.Id);
        var action = await db.SafeguardingEntries
            .FirstOrDefaultAsync(e => e.Id == id && e.Kind == SafeguardingEntryKind.Action && e.InstitutionId == v.InstitutionId && (e.OwnerStaffId == v.StaffId || team.Contains(e.Id)), ct);
        if (action is null)
        {
            return false;
        }
        if (action.DoneAt is not null)
        {
            throw new ValidationException("this action is already done");
        }
        db.Entry(action).Property(x => x.Version).OriginalValue = expectedVersion;
        action.DoneAt = access.Now;
        action.DoneByStaffId = v.StaffId;
        action.DoneNote = FreeText.Optional(note, "what was done");
        await VersionedSave.SaveAsync(db, "This action", ct);
        return true;
    }
}

using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The safeguarding team sets an action on a concern for a member of staff (a deputy, the tutor, the school nurse) with a
/// due date. It reaches the owner's inbox; they read what it asks only when the team shares it with them, otherwise only
/// that the safeguarding team has asked something of them about the child.
/// </summary>
public sealed class AddSafeguardingAction(ReferralAccess access, TimeProvider clock)
{
    public sealed record Request(long ReferralId, int? OwnerStaffId, DateOnly? DueOn, string? Text, bool Share);

    /// <returns>The action's id, or null when there is no such concern the viewer may act on.</returns>
    public async Task<long?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var concern = await SafeguardingWorkflow.ConcernAsync(access, scope, request.ReferralId, ct);
        if (concern is null)
        {
            return null;
        }
        if (concern.Status == ReferralStatus.Closed)
        {
            throw new ValidationException("this concern is closed; add a note to the chronology instead");
        }
        var today = clock.Today();
        var owner = request.OwnerStaffId is { } id
            ? await access.Db.Staff.AsNoTracking().Where(s => s.Id == id && s.InstitutionId == concern.InstitutionId)
                .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName, s.LeftOn }).FirstOrDefaultAsync(ct)
            : null;
        if (owner is null)
        {
            throw new ValidationException("choose who the action is for: a member of staff of this institution");
        }
        if (owner.LeftOn is { } left && left < today)
        {
            throw new ValidationException($"{owner.Name} left on {left:d MMMM yyyy}; choose someone who is still here");
        }
        var text = FreeText.Required(request.Text, "what the action is");
        var due = SafeguardingWorkflow.Ahead(request.DueOn, today, "the due date");
        var action = new SafeguardingEntry
        {
            InstitutionId = concern.InstitutionId,
            StudentId = concern.StudentId,
            ReferralId = concern.Id,
            Kind = SafeguardingEntryKind.Action,
            OccurredOn = today,
            RecordedAt = access.Now,
            RecordedByStaffId = scope.Viewer.StaffId,
            Text = text,
            OwnerStaffId = owner.Id,
            DueOn = due,
            SharedWithOwner = request.Share,
        };
        access.Db.SafeguardingEntries.Add(action);
        await access.Db.SaveChangesAsync(ct);
        return action.Id;
    }
}

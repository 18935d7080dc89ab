using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Wellbeing;

/// <summary>Opens a wellbeing case from a referral to the wellbeing team: at a stage, with an owner from the team who
/// holds the stage's role, its first review the stage's interval away. One open case a student.</summary>
public sealed class OpenWellbeingCase(ReferralAccess access, TimeProvider clock)
{
    public sealed record Request(long ReferralId, int Stage, int? OwnerStaffId, string? Summary);

    /// <returns>The case's id; null when the viewer is not in the wellbeing team or the referral is not the team's.</returns>
    public async Task<long?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!v.May(Operation.UseWellbeingCases))
        {
            return null;
        }
        var db = access.Db;
        var referral = await access.Received(scope).AsNoTracking()
            .Where(r => r.Id == request.ReferralId && !r.Restricted && r.ToRole == Roles.Wellbeing)
            .Select(r => new { r.Id, r.StudentId, r.InstitutionId }).FirstOrDefaultAsync(ct);
        if (referral is null)
        {
            return null;
        }
        var today = clock.Today();
        var stage = WellbeingStages.Of(request.Stage);
        var summary = FreeText.Required(request.Summary, "what the case is about");
        var owner = request.OwnerStaffId ?? v.StaffId;
        await WellbeingStages.CheckOwnerAsync(db, v, owner, stage, today, ct);
        if (await db.WellbeingCases.AsNoTracking().Where(c => c.StudentId == referral.StudentId && c.ClosedOn == null).Select(c => (int?)c.Stage).FirstOrDefaultAsync(ct) is { } open)
        {
            throw new ValidationException($"this student already has an open wellbeing case (stage {open}, {WellbeingStages.Of(open).Name}); add to it rather than opening another");
        }
        var c = new WellbeingCase
        {
            InstitutionId = referral.InstitutionId,
            StudentId = referral.StudentId,
            ReferralId = referral.Id,
            Stage = stage.Number,
            Summary = summary,
            OwnerStaffId = owner,
            OpenedOn = today,
            NextReview = today.AddDays(stage.ReviewDays),
            CreatedAt = access.Now,
            CreatedByStaffId = v.StaffId,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.WellbeingCases.Add(c);
        await db.SaveChangesAsync(ct);
        db.WellbeingNotes.Add(WellbeingCaseChanges.Note(c, WellbeingNoteKind.Opened, $"Opened at stage {stage.Number} ({stage.Name}): {summary}", today, v.StaffId, access.Now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c.Id;
    }
}

using Caseload.Core.Data;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.SupportPlans;

/// <summary>Ends a plan with the reason (its steps still open stop reaching inboxes); it stays readable, with its history.</summary>
public sealed class EndSupportPlan(SupportPlanAccess access)
{
    /// <returns>False when there is no such plan the viewer may change.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long planId, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var plan = await access.Editable(scope).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return false;
        }
        if (plan.EndedOn is not null)
        {
            throw new ValidationException("this plan has ended already");
        }
        access.Db.Entry(plan).Property(x => x.Version).OriginalValue = expectedVersion;
        plan.EndReason = FreeText.Required(reason, "why the plan ends (outcomes met, replaced by another plan, escalated)", Domain.Limits.PlanSection);
        plan.EndedOn = access.Today;
        plan.UpdatedAt = access.Now;
        plan.UpdatedByStaffId = scope.Viewer.StaffId;
        await VersionedSave.SaveAsync(access.Db, "This plan", ct);
        return true;
    }

    /// <summary>Adds a contributor (who may then change the plan): a member of staff still here.</summary>
    /// <returns>False when there is no such plan the viewer may change.</returns>
    public async Task<bool> AddContributorAsync(StudentScope scope, long planId, int? staffId, CancellationToken ct = default)
    {
        var plan = await access.Editable(scope).AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return false;
        }
        var staff = await access.StaffAsync(plan.InstitutionId, staffId, "who to add", ct);
        if (staff.Id != plan.OwnerStaffId && !await access.Db.SupportPlanContributors.AnyAsync(c => c.PlanId == planId && c.StaffId == staff.Id, ct))
        {
            access.Db.SupportPlanContributors.Add(new Domain.SupportPlanContributor { PlanId = planId, StaffId = staff.Id });
            await access.Db.SaveChangesAsync(ct);
        }
        return true;
    }
}

using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.SupportPlans;

/// <summary>A plan's dated steps: adding a target or review (the plan's editors), marking one done with what happened
/// (its owner or the plan's editors).</summary>
public sealed class PlanSteps(SupportPlanAccess access)
{
    public sealed record NewStep(long PlanId, SupportPlanStepKind? Kind, string? Title, DateOnly? DueOn, int? OwnerStaffId);

    /// <returns>The step's id; null when there is no such plan the viewer may change.</returns>
    public async Task<long?> AddAsync(StudentScope scope, NewStep request, CancellationToken ct = default)
    {
        var db = access.Db;
        var plan = await access.Editable(scope).AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PlanId, ct);
        if (plan is null)
        {
            return null;
        }
        if (plan.EndedOn is not null)
        {
            throw new ValidationException("this plan has ended; start a new one");
        }
        if (request.Kind is not (SupportPlanStepKind.Target or SupportPlanStepKind.Review))
        {
            throw new ValidationException("choose a target or a review (statutory steps come with the plan)");
        }
        var title = FreeText.Required(request.Title, request.Kind == SupportPlanStepKind.Target ? "the target" : "what the review is", Limits.PlanStepTitle);
        var due = access.Within(request.DueOn, "the review date");
        if (due < access.Today)
        {
            throw new ValidationException($"the review date ({due:d MMMM yyyy}) is in the past; expected today or later");
        }
        int? owner = request.OwnerStaffId is null ? null : (await access.StaffAsync(plan.InstitutionId, request.OwnerStaffId, "who it is for", ct)).Id;
        if (await db.SupportPlanSteps.CountAsync(s => s.PlanId == plan.Id, ct) >= Limits.PlanSteps)
        {
            throw new ValidationException($"this plan has {Limits.PlanSteps} steps already, the most one plan holds; review the plan and start a new one");
        }
        var step = new SupportPlanStep
        {
            PlanId = plan.Id,
            InstitutionId = plan.InstitutionId,
            StudentId = plan.StudentId,
            Kind = request.Kind.Value,
            Title = title,
            DueOn = due,
            OwnerStaffId = owner,
        };
        db.SupportPlanSteps.Add(step);
        await db.SaveChangesAsync(ct);
        return step.Id;
    }

    /// <summary>Marks a step done with what happened (required for reviews and statutory steps: the record of them).</summary>
    /// <returns>False when there is no such step the viewer may complete.</returns>
    public async Task<bool> CompleteAsync(StudentScope scope, long stepId, int expectedVersion, string? outcome, CancellationToken ct = default)
    {
        var db = access.Db;
        var me = scope.Viewer.StaffId;
        var editable = access.Editable(scope).Select(p => p.Id);
        var readable = access.Readable(scope).Select(p => p.Id);
        var step = await db.SupportPlanSteps.FirstOrDefaultAsync(s => s.Id == stepId && s.InstitutionId == scope.Viewer.InstitutionId
            && (editable.Contains(s.PlanId) || (s.OwnerStaffId == me && readable.Contains(s.PlanId))), ct);
        if (step is null)
        {
            return false;
        }
        if (step.DoneAt is not null)
        {
            throw new ValidationException("this step is already done");
        }
        db.Entry(step).Property(x => x.Version).OriginalValue = expectedVersion;
        step.Outcome = step.Kind == SupportPlanStepKind.Target
            ? FreeText.Optional(outcome, "what happened", Limits.PlanSection)
            : FreeText.Required(outcome, step.Kind == SupportPlanStepKind.Review ? "what the review decided" : "what was done, and when", Limits.PlanSection);
        step.DoneAt = access.Now;
        step.DoneByStaffId = me;
        await VersionedSave.SaveAsync(db, "This step", ct);
        return true;
    }
}

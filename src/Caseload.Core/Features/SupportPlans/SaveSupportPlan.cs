using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.SupportPlans;

/// <summary>
/// Saves a plan's content — its sections, the student's and parents' views, the strategies for subject teachers —
/// against the version the editor saw, and keeps it as a new version in the plan's history.
/// </summary>
public sealed class SaveSupportPlan(SupportPlanAccess access)
{
    public sealed record Request(long PlanId, int ExpectedVersion, IReadOnlyDictionary<string, string?> Sections, string? StudentView, string? ParentView, string? Strategies);

    /// <returns>False when there is no such plan the viewer may change.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var db = access.Db;
        var plan = await access.Editable(scope).FirstOrDefaultAsync(p => p.Id == request.PlanId, ct);
        if (plan is null)
        {
            return false;
        }
        if (plan.EndedOn is not null)
        {
            throw new ValidationException("this plan has ended; start a new one");
        }
        var sections = new Dictionary<string, string>();
        foreach (var section in SupportPlanKinds.SectionsOf(plan.Kind))
        {
            var text = FreeText.Optional(request.Sections.GetValueOrDefault(section.Key), section.Title, Limits.PlanSection);
            if (text is null && section.Required)
            {
                throw new ValidationException($"write {section.Title}");
            }
            if (text is not null)
            {
                sections[section.Key] = text;
            }
        }
        var unknown = request.Sections.Keys.FirstOrDefault(k => SupportPlanKinds.SectionsOf(plan.Kind).All(s => s.Key != k));
        if (unknown is not null)
        {
            throw new ValidationException($"'{FreeText.Short(unknown)}' is not a section of a {SupportPlanKinds.Name(plan.Kind)}");
        }
        db.Entry(plan).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
        plan.Sections = SupportPlanAccess.Store(sections);
        plan.StudentView = FreeText.Optional(request.StudentView, "the student's view", Limits.PlanSection);
        plan.ParentView = FreeText.Optional(request.ParentView, "the parents' view", Limits.PlanSection);
        plan.Strategies = FreeText.Optional(request.Strategies, "the strategies for subject teachers", Limits.PlanSection);
        plan.UpdatedAt = access.Now;
        plan.UpdatedByStaffId = scope.Viewer.StaffId;
        // The plan first, against the version seen (a lost race stops here), then its content kept as the next version.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await VersionedSave.SaveAsync(db, $"This {SupportPlanKinds.Name(plan.Kind)}", ct);
        db.SupportPlanVersions.Add(new SupportPlanVersion
        {
            PlanId = plan.Id,
            Number = plan.Version + 1, // version 1 is the empty plan as started; each save adds the next
            SavedAt = plan.UpdatedAt,
            SavedByStaffId = plan.UpdatedByStaffId,
            Sections = plan.Sections,
            StudentView = plan.StudentView,
            ParentView = plan.ParentView,
            Strategies = plan.Strategies,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}

using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.SupportPlans;

/// <summary>One support plan as its readers see it: its sections (as they stand, or as an earlier version had them),
/// dated steps, versions and who may change it. Each read is audited.</summary>
public sealed class GetSupportPlan(SupportPlanAccess access)
{
    public sealed record SectionText(SupportPlanKinds.Section Section, string? Text);

    public sealed record Step(long Id, SupportPlanStepKind Kind, string Title, DateOnly DueOn, string Owner, DateTime? DoneAt, string? DoneBy, string? Outcome, int Version, bool Mine);

    public sealed record VersionLine(int Number, DateTime SavedAt, string By);

    public sealed record Plan(long Id, int StudentId, string Student, string? Group, SupportPlanKind Kind, string Owner, int OwnerStaffId, IReadOnlyList<string> Contributors,
        DateOnly StartsOn, DateOnly? EndsOn, decimal? HoursPerWeek, DateOnly? EndedOn, string? EndReason,
        IReadOnlyList<SectionText> Sections, string? StudentView, string? ParentView, string? Strategies,
        IReadOnlyList<Step> Steps, IReadOnlyList<VersionLine> Versions, int Version, bool CanEdit)
    {
        /// <summary>The earlier version shown instead of the current content, if one was asked for.</summary>
        public int? ShowingVersion { get; init; }

        public string Name => SupportPlanKinds.Name(Kind);
    }

    /// <param name="version">An earlier version's number to show its content; null for the current.</param>
    public async Task<Plan?> HandleAsync(StudentScope scope, long id, int? version = null, CancellationToken ct = default)
    {
        var db = access.Db;
        var plan = await access.Readable(scope).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return null;
        }
        var me = scope.Viewer.StaffId;
        var canEdit = await access.Editable(scope).AnyAsync(p => p.Id == id, ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == plan.StudentId)
            .Select(s => new { Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, Group = s.TutorGroup == null ? null : s.TutorGroup.Code }).SingleAsync(ct);
        var contributors = await db.SupportPlanContributors.AsNoTracking().Where(c => c.PlanId == id)
            .Join(db.Staff, c => c.StaffId, s => s.Id, (c, s) => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToListAsync(ct);
        var steps = await db.SupportPlanSteps.AsNoTracking().Where(s => s.PlanId == id).OrderBy(s => s.DueOn).ThenBy(s => s.Id).ToListAsync(ct);
        var versions = await db.SupportPlanVersions.AsNoTracking().Where(x => x.PlanId == id).OrderByDescending(x => x.Number).ToListAsync(ct);
        var staffIds = steps.Select(s => s.OwnerStaffId).Concat(steps.Select(s => s.DoneByStaffId)).OfType<int>()
            .Concat(versions.Select(x => x.SavedByStaffId)).Append(plan.OwnerStaffId).Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var shown = version is { } n ? versions.FirstOrDefault(x => x.Number == n) : null;
        if (version is not null && shown is null)
        {
            return null;
        }
        var texts = SupportPlanAccess.SectionsOf(shown?.Sections ?? plan.Sections);
        var contributorIds = contributors.Select(c => c.Id).ToHashSet();
        await access.AuditReadAsync(plan, scope, ct);
        return new Plan(plan.Id, plan.StudentId, student.Name, student.Group, plan.Kind, names[plan.OwnerStaffId], plan.OwnerStaffId, [.. contributors.Select(c => c.Name)],
            plan.StartsOn, plan.EndsOn, plan.HoursPerWeek, plan.EndedOn, plan.EndReason,
            [.. SupportPlanKinds.SectionsOf(plan.Kind).Select(s => new SectionText(s, texts.GetValueOrDefault(s.Key)))],
            shown is null ? plan.StudentView : shown.StudentView, shown is null ? plan.ParentView : shown.ParentView, shown is null ? plan.Strategies : shown.Strategies,
            [.. steps.Select(s => new Step(s.Id, s.Kind, s.Title, s.DueOn, s.OwnerStaffId is { } o ? names.GetValueOrDefault(o, "") : names[plan.OwnerStaffId], s.DoneAt,
                s.DoneByStaffId is { } d ? names.GetValueOrDefault(d) : null, s.Outcome, s.Version, (s.OwnerStaffId ?? plan.OwnerStaffId) == me))],
            [.. versions.Select(x => new VersionLine(x.Number, x.SavedAt, names.GetValueOrDefault(x.SavedByStaffId, "a member of staff")))],
            plan.Version, canEdit && plan.EndedOn is null)
        {
            ShowingVersion = shown?.Number,
        };
    }
}

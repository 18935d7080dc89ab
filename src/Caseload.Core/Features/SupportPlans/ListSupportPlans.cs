using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.SupportPlans;

/// <summary>The plans a viewer reads: one student's, or every plan they own or contribute to (and, for learning support,
/// every SEND plan), current first, with each plan's next open step.</summary>
public sealed class ListSupportPlans(SupportPlanAccess access)
{
    public sealed record Line(long Id, int StudentId, string Student, SupportPlanKind Kind, string Owner, DateOnly StartsOn, DateOnly? EndsOn, DateOnly? EndedOn,
        DateOnly? NextDue, string? NextStep)
    {
        public string Name => SupportPlanKinds.Name(Kind);
    }

    public Task<IReadOnlyList<Line>> ForStudentAsync(StudentScope scope, int studentId, CancellationToken ct = default) =>
        LinesAsync(access.Readable(scope).Where(p => p.StudentId == studentId), ct);

    public Task<IReadOnlyList<Line>> MineAsync(StudentScope scope, CancellationToken ct = default)
    {
        var me = scope.Viewer.StaffId;
        var db = access.Db;
        var send = scope.Viewer.Has(Roles.LearningSupport);
        return LinesAsync(access.Readable(scope).Where(p => p.OwnerStaffId == me || db.SupportPlanContributors.Any(c => c.PlanId == p.Id && c.StaffId == me)
            || db.SupportPlanSteps.Any(s => s.PlanId == p.Id && s.OwnerStaffId == me && s.DoneAt == null)
            || (send && (p.Kind == SupportPlanKind.SenSupport || p.Kind == SupportPlanKind.Ehcp))), ct);
    }

    private async Task<IReadOnlyList<Line>> LinesAsync(IQueryable<SupportPlan> plans, CancellationToken ct)
    {
        var db = access.Db;
        var rows = await plans.AsNoTracking().OrderBy(p => p.EndedOn != null).ThenByDescending(p => p.StartsOn).Take(500)
            .Select(p => new
            {
                p.Id,
                p.StudentId,
                Student = db.Students.Where(s => s.Id == p.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                p.Kind,
                Owner = db.Staff.Where(s => s.Id == p.OwnerStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                p.StartsOn,
                p.EndsOn,
                p.EndedOn,
                Next = db.SupportPlanSteps.Where(s => s.PlanId == p.Id && s.DoneAt == null).OrderBy(s => s.DueOn).Select(s => new { s.DueOn, s.Title }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Line(r.Id, r.StudentId, r.Student, r.Kind, r.Owner, r.StartsOn, r.EndsOn, r.EndedOn,
            r.EndedOn is null ? r.Next?.DueOn : null, r.EndedOn is null ? r.Next?.Title : null))];
    }
}

using System.Text.Json;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.SupportPlans;

/// <summary>
/// Who reads and changes support plans — the one place for it (decision 0016). Read: whoever has the student's pastoral
/// record, the plan's owner and contributors, and for a SEND plan (IEP, EHCP) the learning support team. Change (content,
/// steps, end): the owner and contributors. Subject teachers never read a plan: they see the strategies its owner
/// shares with them on their class lists (<see cref="SupportPlanStrategies"/>).
/// </summary>
public sealed class SupportPlanAccess(CaseloadDbContext db, TimeProvider clock)
{
    public CaseloadDbContext Db => db;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => clock.Today();

    public IQueryable<SupportPlan> Readable(StudentScope scope)
    {
        var v = scope.Viewer;
        var me = v.StaffId;
        var send = v.Has(Roles.LearningSupport);
        var pastoral = scope.Pastoral(db).Select(s => s.Id);
        return db.SupportPlans.Where(p => p.InstitutionId == v.InstitutionId
            && (pastoral.Contains(p.StudentId) || p.OwnerStaffId == me || db.SupportPlanContributors.Any(c => c.PlanId == p.Id && c.StaffId == me)
                || (send && (p.Kind == SupportPlanKind.SenSupport || p.Kind == SupportPlanKind.Ehcp))));
    }

    /// <summary>Plans the viewer may change: their own and those they contribute to.</summary>
    public IQueryable<SupportPlan> Editable(StudentScope scope)
    {
        var me = scope.Viewer.StaffId;
        return Readable(scope).Where(p => p.OwnerStaffId == me || db.SupportPlanContributors.Any(c => c.PlanId == p.Id && c.StaffId == me));
    }

    /// <summary>Whether the viewer may start a plan of this kind for the student: with the student's pastoral record, or
    /// (a SEND plan) in the learning support team.</summary>
    public async Task<bool> MayStartAsync(StudentScope scope, int studentId, SupportPlanKind kind, CancellationToken ct)
    {
        if (await scope.ViewOfAsync(db, studentId, ct) == StudentView.Pastoral)
        {
            return true;
        }
        return SupportPlanKinds.IsSend(kind) && scope.Viewer.Has(Roles.LearningSupport)
            && await db.Students.AnyAsync(s => s.Id == studentId && s.InstitutionId == scope.Viewer.InstitutionId, ct);
    }

    /// <summary>A member of staff of the institution who is still here, by id; refused otherwise.</summary>
    public async Task<(int Id, string Name)> StaffAsync(int institutionId, int? staffId, string what, CancellationToken ct)
    {
        var staff = staffId is { } id
            ? await db.Staff.AsNoTracking().Where(s => s.Id == id && s.InstitutionId == institutionId)
                .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName, s.Active, s.LeftOn }).FirstOrDefaultAsync(ct)
            : null;
        if (staff is null)
        {
            throw new ValidationException($"choose {what}: a member of staff of this institution");
        }
        if (!staff.Active || staff.LeftOn is { } left && left < Today)
        {
            throw new ValidationException($"{staff.Name} has left; choose someone who is still here");
        }
        return (staff.Id, staff.Name);
    }

    /// <summary>A date within the plans' limits: not before <see cref="Limits.PlanStartDaysBack"/> days ago, not after
    /// <see cref="Limits.PlanDaysAhead"/> days ahead.</summary>
    public DateOnly Within(DateOnly? date, string what)
    {
        var d = date ?? throw new ValidationException($"give {what}");
        var today = Today;
        if (d < today.AddDays(-Limits.PlanStartDaysBack))
        {
            throw new ValidationException($"{what} ({d:d MMMM yyyy}) is more than a year ago; expected a date from {today.AddDays(-Limits.PlanStartDaysBack):d MMMM yyyy}");
        }
        if (d > today.AddDays(Limits.PlanDaysAhead))
        {
            throw new ValidationException($"{what} ({d:d MMMM yyyy}) is more than two years ahead; expected by {today.AddDays(Limits.PlanDaysAhead):d MMMM yyyy}");
        }
        return d;
    }

    public static IReadOnlyDictionary<string, string> SectionsOf(string stored) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(stored) ?? [];

    public static string Store(IReadOnlyDictionary<string, string> sections) => JsonSerializer.Serialize(sections);

    /// <summary>Records that the viewer read a plan (plans hold special educational needs and family circumstances).</summary>
    public async Task AuditReadAsync(SupportPlan plan, StudentScope scope, CancellationToken ct)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = plan.InstitutionId,
            At = Now,
            Actor = $"staff:{scope.Viewer.StaffId}",
            Action = AuditAction.Read,
            Entity = nameof(SupportPlan),
            EntityId = plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StudentId = plan.StudentId,
        });
        await db.SaveChangesAsync(ct);
    }
}

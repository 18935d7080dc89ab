using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// Break-glass: a senior leader opens one child's safeguarding record in an emergency, with a written reason. It lasts
/// <see cref="Limits.BreakGlassMinutes"/> minutes, lets them read (never change) the chronology, is audited, and waits in
/// the safeguarding team's inbox until one of them marks it seen.
/// </summary>
public sealed class BreakGlass(ReferralAccess access)
{
    /// <returns>False when the viewer may not break the glass, or the student is not of their institution.</returns>
    public async Task<bool> OpenAsync(StudentScope scope, int studentId, string? reason, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!v.May(Operation.BreakGlassSafeguarding) || !await access.Db.Students.AnyAsync(s => s.Id == studentId && s.InstitutionId == v.InstitutionId, ct))
        {
            return false;
        }
        var text = FreeText.Required(reason, "why you need to open this child's safeguarding record now", 1000);
        access.Db.SafeguardingBreakGlass.Add(new SafeguardingBreakGlass
        {
            InstitutionId = v.InstitutionId,
            StudentId = studentId,
            StaffId = v.StaffId,
            Reason = text,
            OpenedAt = access.Now,
            Until = access.Now.AddMinutes(Limits.BreakGlassMinutes),
        });
        await access.Db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Whether the viewer holds an open break-glass on this child now.</summary>
    public Task<bool> IsOpenAsync(Viewer viewer, int studentId, CancellationToken ct = default)
    {
        var now = access.Now;
        return access.Db.SafeguardingBreakGlass.AnyAsync(b => b.StaffId == viewer.StaffId && b.StudentId == studentId && b.InstitutionId == viewer.InstitutionId
            && b.OpenedAt <= now && b.Until > now, ct);
    }

    /// <summary>The safeguarding team marks a break-glass seen (it leaves their inbox).</summary>
    public async Task<bool> MarkSeenAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!v.May(Operation.ReadSafeguarding))
        {
            return false;
        }
        var students = access.SafeguardingStudents(v);
        var entry = await access.Db.SafeguardingBreakGlass.FirstOrDefaultAsync(b => b.Id == id && b.InstitutionId == v.InstitutionId && students.Contains(b.StudentId), ct);
        if (entry is null)
        {
            return false;
        }
        if (entry.SeenAt is null)
        {
            (entry.SeenAt, entry.SeenByStaffId) = (access.Now, v.StaffId);
            await access.Db.SaveChangesAsync(ct);
        }
        return true;
    }
}

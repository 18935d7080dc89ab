using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>Sets a sanction (a detention, an internal exclusion…) on a date, with its reason (pastoral viewers).</summary>
public sealed class GiveSanction(CaseloadDbContext db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(StudentScope scope, int studentId, SanctionKind kind, DateOnly on, string reason, CancellationToken ct = default)
    {
        if (!await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return false;
        }
        if (!Enum.IsDefined(kind))
        {
            throw new ValidationException($"choose the sanction: {string.Join(", ", Enum.GetNames<SanctionKind>())}");
        }
        var today = clock.Today();
        if (on < today.AddDays(-Limits.SanctionDaysFromToday) || on > today.AddDays(Limits.SanctionDaysFromToday))
        {
            throw new ValidationException($"the sanction's date {on:d MMM yyyy} is more than {Limits.SanctionDaysFromToday} days from today; expected {today.AddDays(-Limits.SanctionDaysFromToday):d MMM yyyy} to {today.AddDays(Limits.SanctionDaysFromToday):d MMM yyyy}");
        }
        db.Sanctions.Add(new Sanction
        {
            StudentId = studentId,
            Kind = kind,
            On = on,
            Reason = FreeText.Required(reason, "the reason for the sanction", 1000),
            SetByStaffId = scope.Viewer.StaffId,
            SetAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}

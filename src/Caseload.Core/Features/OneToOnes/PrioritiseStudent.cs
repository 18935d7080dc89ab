using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.OneToOnes;

/// <summary>A tutor puts a student on (or takes them off) the fortnightly 1:1 list, whatever the rules say.</summary>
public sealed class PrioritiseStudent(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public async Task<bool> HandleAsync(StudentScope scope, int studentId, bool prioritised, CancellationToken ct = default)
    {
        if (!await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return false;
        }
        var existing = await db.OneToOnePriorities.FirstOrDefaultAsync(p => p.StudentId == studentId, ct);
        Set(db, existing, studentId, prioritised, clock.GetUtcNow().UtcDateTime, actor.Name);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Adds or removes the priority (not saved: the caller saves it with the rest of its change).</summary>
    internal static void Set(CaseloadDbContext db, OneToOnePriority? existing, int studentId, bool prioritised, DateTime now, string by)
    {
        if (prioritised && existing is null)
        {
            db.OneToOnePriorities.Add(new OneToOnePriority { StudentId = studentId, SetAt = now, SetBy = by });
        }
        else if (!prioritised && existing is not null)
        {
            db.OneToOnePriorities.Remove(existing);
        }
    }
}

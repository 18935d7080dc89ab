using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cases;

/// <summary>
/// How every change to a case is made: load it (only when the viewer sees the student's pastoral record), apply the
/// change, record its <see cref="CaseEvent"/> in the case's history, and save against the version the caller saw — a lost
/// race is a <see cref="ConcurrencyException"/> and nothing is saved. Every change is audited.
/// </summary>
public sealed class CaseChanges(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public CaseloadDbContext Db => db;

    public DateOnly Today => clock.Today();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string Actor => actor.Name;

    /// <returns>False when there is no such case the viewer may see.</returns>
    public async Task<bool> ChangeAsync(StudentScope scope, long caseId, int? expectedVersion,
        Func<InterventionCase, IReadOnlyList<InterventionStage>, Task<CaseEvent>> change, CancellationToken ct)
    {
        var c = await db.InterventionCases.Include(x => x.Actions).FirstOrDefaultAsync(x => x.Id == caseId && x.DeletedAt == null, ct);
        if (c is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == c.StudentId, ct))
        {
            return false;
        }
        if (expectedVersion is { } v)
        {
            db.Entry(c).Property(x => x.Version).OriginalValue = v;
        }
        var stages = await CaseStages.ForAsync(db, c.InstitutionId, ct);
        var e = await change(c, stages);
        c.UpdatedAt = Now;
        c.UpdatedBy = actor.Name;
        // Every change to a case (an action done, a review) is a new version of it, even when no column of the case row changes.
        db.Entry(c).Property(x => x.UpdatedAt).IsModified = true;
        db.CaseEvents.Add(e);
        await VersionedSave.SaveAsync(db, "This case", ct);
        await Analytics.StudentSummaries.CaseworkChangedAsync(db, c.InstitutionId, c.StudentId, Today, Now, ct);
        return true;
    }

    public CaseEvent Event(long caseId, CaseEventKind kind, string text, int? from, int? to) => new()
    {
        CaseId = caseId,
        At = Now,
        By = actor.Name,
        Kind = kind,
        FromStage = from,
        ToStage = to,
        Text = text,
    };

    public static void OpenOnly(InterventionCase c)
    {
        if (c.Status != CaseStatus.Open)
        {
            throw new ValidationException("the case is closed; reopen it first");
        }
    }
}

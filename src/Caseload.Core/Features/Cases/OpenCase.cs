using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cases;

/// <summary>Opens a case on a student at a stage, for a reason: the stage's owner owns it, its first review is the
/// stage's review interval away, and "Opened" begins its history.</summary>
public sealed class OpenCase(CaseChanges changes)
{
    public sealed record Request(int StudentId, int Stage, CaseReason Reason, string Summary);

    /// <returns>The new case, or null when the viewer may not see the student.</returns>
    public async Task<InterventionCase?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var db = changes.Db;
        var student = await scope.Pastoral(db).AsNoTracking().Where(s => s.Id == request.StudentId)
            .Select(s => new { s.Id, s.InstitutionId }).FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        var summary = FreeText.Required(request.Summary, "what the case is about");
        var stages = await CaseStages.ForAsync(db, student.InstitutionId, ct);
        var stage = CaseStages.Of(stages, request.Stage);
        var (now, today) = (changes.Now, changes.Today);
        var c = new InterventionCase
        {
            InstitutionId = student.InstitutionId,
            StudentId = student.Id,
            Stage = stage.Number,
            Reason = request.Reason,
            Summary = summary,
            OwnerStaffId = await CaseStages.OwnerAsync(db, student.Id, stage, scope.Viewer, ct),
            OpenedOn = today,
            NextReview = today.AddDays(stage.ReviewDays),
            Status = CaseStatus.Open,
            CreatedAt = now,
            CreatedBy = changes.Actor,
            UpdatedAt = now,
            UpdatedBy = changes.Actor,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.InterventionCases.Add(c);
        await db.SaveChangesAsync(ct);
        db.CaseEvents.Add(changes.Event(c.Id, CaseEventKind.Opened, $"Opened at {stage.Name} for {CaseStages.Describe(request.Reason)}: {summary}", null, stage.Number));
        await db.SaveChangesAsync(ct);
        await Analytics.StudentSummaries.CaseworkChangedAsync(db, c.InstitutionId, c.StudentId, today, now, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return c;
    }
}

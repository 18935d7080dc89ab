using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.TargetBank;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.OneToOnes;

/// <summary>
/// Records a 1:1 meeting: notes, the student's view, the action plan's carried targets reviewed (against the versions the
/// form showed) and new ones set. All or nothing: a target someone changed since the form was opened refuses the whole
/// record (<see cref="ConcurrencyException"/>).
/// </summary>
public sealed class RecordOneToOne(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    /// <summary>The most targets one meeting may set (an action plan a student can hold in their head).</summary>
    public const int MaxNewTargets = Limits.NewTargetsPerOneToOne;

    public sealed record Review(long TargetId, int Version, PlanTargetStatus Status, string? Note);

    public sealed record NewTarget(string Text, TargetOwner Owner, string? OwnerName, DateOnly? Due);

    public sealed record Request(int StudentId, DateOnly HeldOn, string Notes, string? StudentView, IReadOnlyList<Review> Reviews,
        IReadOnlyList<NewTarget> Targets, bool? Prioritise = null, bool AddTargetsToBank = false);

    /// <returns>The meeting's id, or null when the viewer may not see the student.</returns>
    public async Task<long?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var student = await scope.Pastoral(db).AsNoTracking().Where(s => s.Id == request.StudentId).Select(s => new { s.Id, s.InstitutionId }).FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        var notes = FreeText.Required(request.Notes, "notes of the meeting", 8000);
        var today = clock.Today();
        if (request.HeldOn > today)
        {
            throw new ValidationException($"the meeting's date {request.HeldOn:d MMM yyyy} is in the future; record a meeting once it has been held");
        }
        var targets = (request.Targets ?? []).Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        if (targets.Count > MaxNewTargets)
        {
            throw new ValidationException($"the meeting sets {targets.Count} targets; expected at most {MaxNewTargets}");
        }
        var reviews = request.Reviews ?? [];
        if (reviews.Count > Limits.ReviewedTargetsPerOneToOne)
        {
            throw new ValidationException($"the meeting reviews {reviews.Count} targets; expected at most {Limits.ReviewedTargetsPerOneToOne}");
        }
        foreach (var (t, i) in targets.Select((t, i) => (t, i + 1)))
        {
            if (t.Due is null)
            {
                throw new ValidationException($"new target {i} (\"{FreeText.Short(t.Text)}\") needs a due date");
            }
            if (t.Due < request.HeldOn)
            {
                throw new ValidationException($"new target {i} is due {t.Due:d MMM yyyy}, before the meeting; expected a date after {request.HeldOn:d MMM yyyy}");
            }
            if (t.Owner == TargetOwner.Other && string.IsNullOrWhiteSpace(t.OwnerName))
            {
                throw new ValidationException($"new target {i} is owned by someone else: say who");
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var meeting = new OneToOneMeeting
        {
            InstitutionId = student.InstitutionId,
            StudentId = student.Id,
            StaffId = scope.Viewer.StaffId,
            HeldOn = request.HeldOn,
            Notes = notes,
            StudentView = FreeText.Optional(request.StudentView, "the student's view"),
            RecordedAt = now,
            RecordedBy = actor.Name,
            UpdatedAt = now,
            UpdatedBy = actor.Name,
        };
        db.OneToOneMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        var reviewIds = reviews.Select(r => r.TargetId).ToList();
        var carried = await db.PlanTargets.Where(t => t.StudentId == student.Id && reviewIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var r in reviews.Where(r => r.Status != PlanTargetStatus.Open || !string.IsNullOrWhiteSpace(r.Note)))
        {
            if (!carried.TryGetValue(r.TargetId, out var t))
            {
                throw new ValidationException($"target {r.TargetId} is not on this student's plan");
            }
            db.Entry(t).Property(x => x.Version).OriginalValue = r.Version;
            t.Status = r.Status;
            t.ReviewNote = FreeText.Optional(r.Note, "the review note", 1000) ?? t.ReviewNote;
            if (r.Status != PlanTargetStatus.Open)
            {
                t.ReviewedInMeetingId = meeting.Id;
            }
        }
        foreach (var t in targets)
        {
            db.PlanTargets.Add(new PlanTarget
            {
                StudentId = student.Id,
                SetInMeetingId = meeting.Id,
                Text = FreeText.Required(t.Text, "the target", 1000),
                Owner = t.Owner,
                OwnerName = t.Owner == TargetOwner.Other ? FreeText.Required(t.OwnerName, "who owns the target", 200) : null,
                Due = t.Due!.Value,
                Status = PlanTargetStatus.Open,
            });
            if (request.AddTargetsToBank)
            {
                await BankTargets.AddIfNewAsync(db, student.InstitutionId, t.Text.Trim(), "Set at a 1:1", now, actor.Name, ct);
            }
        }
        if (request.Prioritise is { } prioritise)
        {
            PrioritiseStudent.Set(db, await db.OneToOnePriorities.FirstOrDefaultAsync(p => p.StudentId == student.Id, ct), student.Id, prioritise, now, actor.Name);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw new ConcurrencyException("A target of this action plan");
        }
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return meeting.Id;
    }
}

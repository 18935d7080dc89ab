using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Casework;

/// <summary>
/// The 1:1 programme: who is due a review meeting (<see cref="OneToOneSchedule"/>), the record of a meeting (notes, the
/// student's view, the action plan's targets reviewed and set), the student's action plan, prioritising a student, and the
/// team's bank of model targets. Only staff with the student's pastoral record. Targets are versioned: recording a meeting
/// that reviews a target someone changed since the form was opened is refused whole (nothing saved).
/// </summary>
public sealed class OneToOnes(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    private DateOnly Today => clock.Today();

    public sealed record Due(int StudentId, string Student, string? Group, string? Tutor, DateOnly? LastHeld, DateOnly NextDue,
        OneToOneSchedule.State State, bool PrioritisedByTutor, int? RiskScore, int OpenTargets)
    {
        public bool Prioritised => PrioritisedByTutor || OneToOneSchedule.PrioritisedByRules(RiskScore);
    }

    /// <summary>The viewer's students' 1:1 schedule, soonest due first. <paramref name="only"/>: just these students (ones
    /// the caller has already found the viewer sees, like a tutor's own tutees for their inbox).</summary>
    public async Task<IReadOnlyList<Due>> ScheduleAsync(StudentScope scope, DateOnly today, IReadOnlyCollection<int>? only = null, CancellationToken ct = default)
    {
        var year = await Institutions.AcademicCalendar.ForAsync(db, scope.Viewer.InstitutionId, today, ct);
        var students = only is null ? scope.Pastoral(db).Where(s => s.OnRoll) : db.Students.Where(s => only.Contains(s.Id));
        var yearStart = year.YearStart;
        var rows = await students.AsNoTracking()
            .Select(s => new
            {
                s.Id,
                Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName,
                Group = s.TutorGroup == null ? null : s.TutorGroup.Code,
                Tutor = s.TutorGroup == null || s.TutorGroup.Tutor == null ? null : s.TutorGroup.Tutor.FirstName + " " + s.TutorGroup.Tutor.LastName,
                Last = db.OneToOneMeetings.Where(m => m.StudentId == s.Id && m.DeletedAt == null && m.HeldOn >= yearStart).Max(m => (DateOnly?)m.HeldOn),
                Priority = db.OneToOnePriorities.Any(p => p.StudentId == s.Id),
                Risk = db.StudentSummaries.Where(x => x.StudentId == s.Id).Select(x => (int?)x.RiskScore).FirstOrDefault(),
                Open = db.PlanTargets.Count(t => t.StudentId == s.Id && t.Status == PlanTargetStatus.Open),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r =>
            {
                var prioritised = r.Priority || OneToOneSchedule.PrioritisedByRules(r.Risk);
                var due = OneToOneSchedule.NextDue(r.Last, yearStart, prioritised);
                return new Due(r.Id, r.Name, r.Group, r.Tutor, r.Last, due, OneToOneSchedule.StateOf(due, today), r.Priority, r.Risk, r.Open);
            })
            .OrderBy(d => d.NextDue).ThenBy(d => d.Student)];
    }

    public sealed record Plan(IReadOnlyList<PlanTarget> Open, IReadOnlyList<PlanTarget> Reviewed, IReadOnlyList<OneToOneMeeting> Meetings,
        IReadOnlyDictionary<int, string> People, bool Prioritised);

    /// <summary>A student's action plan (open targets, and those reviewed) and their meetings; null when not visible.</summary>
    public async Task<Plan?> PlanAsync(StudentScope scope, int studentId, CancellationToken ct = default)
    {
        if (!await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return null;
        }
        var targets = await db.PlanTargets.AsNoTracking().Where(t => t.StudentId == studentId).OrderBy(t => t.Due).ThenBy(t => t.Id).ToListAsync(ct);
        var meetings = await db.OneToOneMeetings.AsNoTracking().Where(m => m.StudentId == studentId && m.DeletedAt == null)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        var ids = meetings.Select(m => m.StaffId).Distinct().ToList();
        var people = await db.Staff.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        return new Plan([.. targets.Where(t => t.Status == PlanTargetStatus.Open)], [.. targets.Where(t => t.Status != PlanTargetStatus.Open)],
            meetings, people, await db.OneToOnePriorities.AnyAsync(p => p.StudentId == studentId, ct));
    }

    public sealed record Review(long TargetId, int Version, PlanTargetStatus Status, string? Note);

    public sealed record NewTarget(string Text, TargetOwner Owner, string? OwnerName, DateOnly? Due);

    public sealed record Record(int StudentId, DateOnly HeldOn, string Notes, string? StudentView, IReadOnlyList<Review> Reviews,
        IReadOnlyList<NewTarget> Targets, bool? Prioritise = null, bool AddTargetsToBank = false);

    /// <summary>Records a meeting: reviews carried targets (against the versions the form showed), sets new ones.
    /// All or nothing. Returns the meeting's id, or null when the viewer may not see the student.</summary>
    public async Task<long?> RecordAsync(StudentScope scope, Record request, CancellationToken ct = default)
    {
        var student = await scope.Pastoral(db).AsNoTracking().Where(s => s.Id == request.StudentId).Select(s => new { s.Id, s.InstitutionId }).FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        var notes = Referrals.Text(request.Notes, "notes of the meeting", 8000);
        if (request.HeldOn > Today)
        {
            throw new ValidationException($"the meeting's date {request.HeldOn:d MMM yyyy} is in the future; record a meeting once it has been held");
        }
        var targets = request.Targets.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        foreach (var (t, i) in targets.Select((t, i) => (t, i + 1)))
        {
            if (t.Due is null)
            {
                throw new ValidationException($"new target {i} (\"{Short(t.Text)}\") needs a due date");
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
            StudentView = string.IsNullOrWhiteSpace(request.StudentView) ? null : Referrals.Text(request.StudentView, "the student's view"),
            RecordedAt = now,
            RecordedBy = actor.Name,
            UpdatedAt = now,
            UpdatedBy = actor.Name,
        };
        db.OneToOneMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        var reviewIds = request.Reviews.Select(r => r.TargetId).ToList();
        var carried = await db.PlanTargets.Where(t => t.StudentId == student.Id && reviewIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var r in request.Reviews.Where(r => r.Status != PlanTargetStatus.Open || !string.IsNullOrWhiteSpace(r.Note)))
        {
            if (!carried.TryGetValue(r.TargetId, out var t))
            {
                throw new ValidationException($"target {r.TargetId} is not on this student's plan");
            }
            db.Entry(t).Property(x => x.Version).OriginalValue = r.Version;
            t.Status = r.Status;
            t.ReviewNote = string.IsNullOrWhiteSpace(r.Note) ? t.ReviewNote : Referrals.Text(r.Note, "the review note", 1000);
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
                Text = Referrals.Text(t.Text, "the target", 1000),
                Owner = t.Owner,
                OwnerName = t.Owner == TargetOwner.Other ? t.OwnerName!.Trim() : null,
                Due = t.Due!.Value,
                Status = PlanTargetStatus.Open,
            });
            if (request.AddTargetsToBank)
            {
                await AddToBankIfNewAsync(student.InstitutionId, t.Text.Trim(), "Set at a 1:1", ct);
            }
        }
        if (request.Prioritise is { } prioritise)
        {
            await SetPriorityCoreAsync(student.Id, prioritise, ct);
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

    public sealed record MeetingView(OneToOneMeeting Meeting, string Student, string HeldBy, IReadOnlyList<PlanTarget> Set, IReadOnlyList<PlanTarget> Reviewed);

    public async Task<MeetingView?> MeetingAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var m = await db.OneToOneMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.DeletedAt == null, ct);
        if (m is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == m.StudentId, ct))
        {
            return null;
        }
        var student = await db.Students.Where(s => s.Id == m.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstAsync(ct);
        var by = await db.Staff.Where(s => s.Id == m.StaffId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
        var targets = await db.PlanTargets.AsNoTracking().Where(t => t.SetInMeetingId == id || t.ReviewedInMeetingId == id).OrderBy(t => t.Id).ToListAsync(ct);
        return new MeetingView(m, student, by, [.. targets.Where(t => t.SetInMeetingId == id)], [.. targets.Where(t => t.ReviewedInMeetingId == id)]);
    }

    /// <summary>Corrects a meeting's notes and the student's view against the version the caller saw; the previous text
    /// stays in the audit log (before and after).</summary>
    public async Task<bool> EditAsync(StudentScope scope, long id, int expectedVersion, string notes, string? studentView, CancellationToken ct = default) =>
        await ChangeMeetingAsync(scope, id, expectedVersion, m =>
        {
            m.Notes = Referrals.Text(notes, "notes of the meeting", 8000);
            m.StudentView = string.IsNullOrWhiteSpace(studentView) ? null : Referrals.Text(studentView, "the student's view");
        }, ct);

    /// <summary>Soft delete with a reason (a meeting recorded on the wrong student): kept, out of every list and the schedule.</summary>
    public async Task<bool> DeleteAsync(StudentScope scope, long id, int expectedVersion, string why, CancellationToken ct = default) =>
        await ChangeMeetingAsync(scope, id, expectedVersion, m =>
        {
            m.DeletedReason = Referrals.Text(why, "why the meeting is deleted", 1000);
            m.DeletedAt = clock.GetUtcNow().UtcDateTime;
            m.DeletedBy = actor.Name;
        }, ct);

    private async Task<bool> ChangeMeetingAsync(StudentScope scope, long id, int expectedVersion, Action<OneToOneMeeting> change, CancellationToken ct)
    {
        var m = await db.OneToOneMeetings.FirstOrDefaultAsync(x => x.Id == id && x.DeletedAt == null, ct);
        if (m is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == m.StudentId, ct))
        {
            return false;
        }
        db.Entry(m).Property(x => x.Version).OriginalValue = expectedVersion;
        change(m);
        (m.UpdatedAt, m.UpdatedBy) = (clock.GetUtcNow().UtcDateTime, actor.Name);
        await VersionedSave.SaveAsync(db, "This 1:1 record", ct);
        return true;
    }

    /// <summary>Changes one target's status between meetings, against the version the caller saw.</summary>
    public async Task<bool> SetTargetStatusAsync(StudentScope scope, long targetId, int expectedVersion, PlanTargetStatus status, CancellationToken ct = default)
    {
        var t = await db.PlanTargets.FirstOrDefaultAsync(x => x.Id == targetId, ct);
        if (t is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == t.StudentId, ct))
        {
            return false;
        }
        db.Entry(t).Property(x => x.Version).OriginalValue = expectedVersion;
        t.Status = status;
        await VersionedSave.SaveAsync(db, "This target", ct);
        return true;
    }

    public async Task<bool> SetPriorityAsync(StudentScope scope, int studentId, bool prioritised, CancellationToken ct = default)
    {
        if (!await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return false;
        }
        await SetPriorityCoreAsync(studentId, prioritised, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task SetPriorityCoreAsync(int studentId, bool prioritised, CancellationToken ct)
    {
        var existing = await db.OneToOnePriorities.FirstOrDefaultAsync(p => p.StudentId == studentId, ct);
        if (prioritised && existing is null)
        {
            db.OneToOnePriorities.Add(new OneToOnePriority { StudentId = studentId, SetAt = clock.GetUtcNow().UtcDateTime, SetBy = actor.Name });
        }
        else if (!prioritised && existing is not null)
        {
            db.OneToOnePriorities.Remove(existing);
        }
    }

    /// <summary>The team's model targets, by area.</summary>
    public Task<List<BankTarget>> BankAsync(int institutionId, CancellationToken ct = default) =>
        db.BankTargets.AsNoTracking().Where(b => b.InstitutionId == institutionId && b.Active).OrderBy(b => b.Area).ThenBy(b => b.Text).ToListAsync(ct);

    public async Task AddToBankAsync(Viewer viewer, string text, string area, CancellationToken ct = default)
    {
        viewer.Demand(Operation.UseTargetBank);
        var t = Referrals.Text(text, "the model target", 1000);
        var a = Referrals.Text(area, "the area it belongs to (attendance, organisation, progress…)", 50);
        if (!await AddToBankIfNewAsync(viewer.InstitutionId, t, a, ct))
        {
            throw new ValidationException($"\"{Short(t)}\" is already in the bank");
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> RemoveFromBankAsync(Viewer viewer, int id, CancellationToken ct = default)
    {
        viewer.Demand(Operation.UseTargetBank);
        var b = await db.BankTargets.FirstOrDefaultAsync(x => x.Id == id && x.InstitutionId == viewer.InstitutionId && x.Active, ct);
        if (b is null)
        {
            return false;
        }
        b.Active = false;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<bool> AddToBankIfNewAsync(int institutionId, string text, string area, CancellationToken ct)
    {
        var lower = text.ToLowerInvariant();
        if (await db.BankTargets.AnyAsync(b => b.InstitutionId == institutionId && b.Active && b.Text.ToLower() == lower, ct))
        {
            return false;
        }
        db.BankTargets.Add(new BankTarget { InstitutionId = institutionId, Text = text, Area = area, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name });
        return true;
    }

    private static string Short(string text) => text.Length > 40 ? text[..37] + "…" : text;
}

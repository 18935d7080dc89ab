using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Casework;

/// <summary>
/// The staged intervention procedure: open a case on a student at a stage, escalate or de-escalate it with a reason
/// (ownership passes to the new stage's owner), add and complete actions, review it, edit its summary, close it with an
/// outcome, or delete it (softly, with a reason). Every change is a <see cref="CaseEvent"/> in the case's history, and is
/// audited. Cases and actions are versioned: a change is saved only against the version the caller saw, otherwise
/// <see cref="ConcurrencyException"/> — never a silent overwrite. Only staff who see the student's pastoral record see
/// or touch their cases (a case of a student one may not see is "not found": null or false).
/// </summary>
public sealed class Cases(CaseloadDbContext db, TimeProvider clock, AuditActor actor, Notifications.Notifier? notifier = null)
{
    public const int TextLength = 4000;

    public static async Task<IReadOnlyList<InterventionStage>> StagesAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default)
    {
        var stored = await db.InterventionStages.AsNoTracking().Where(s => s.InstitutionId == institutionId).OrderBy(s => s.Number).ToListAsync(ct);
        return stored.Count > 0 ? stored : DefaultStages.For(institutionId);
    }

    public sealed record Detail(InterventionCase Case, string Student, string StageName, string? Owner, string OwnerRole,
        IReadOnlyList<CaseEvent> History, IReadOnlyList<InterventionStage> Stages)
    {
        /// <summary>Names for the history's "by" (recorded as <c>staff:{id}</c>).</summary>
        public IReadOnlyDictionary<string, string> People { get; init; } = new Dictionary<string, string>();
    }

    public async Task<Detail?> GetAsync(StudentScope scope, long caseId, CancellationToken ct = default)
    {
        var c = await db.InterventionCases.AsNoTracking().Include(x => x.Actions.OrderBy(a => a.Due))
            .FirstOrDefaultAsync(x => x.Id == caseId && x.DeletedAt == null, ct);
        if (c is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == c.StudentId, ct))
        {
            return null;
        }
        var stages = await StagesAsync(db, c.InstitutionId, ct);
        var stage = stages.FirstOrDefault(s => s.Number == c.Stage);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == c.StudentId)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstAsync(ct);
        var owner = c.OwnerStaffId is null ? null : await db.Staff.AsNoTracking().Where(s => s.Id == c.OwnerStaffId)
            .Select(s => s.FirstName + " " + s.LastName).FirstOrDefaultAsync(ct);
        var history = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var staffIds = history.Select(e => e.By).Where(b => b.StartsWith("staff:", StringComparison.Ordinal))
            .Select(b => int.TryParse(b.AsSpan(6), out var sid) ? sid : 0).Distinct().ToList();
        var people = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => $"staff:{s.Id}", s => s.FirstName + " " + s.LastName, ct);
        return new Detail(c, student, stage?.Name ?? $"Stage {c.Stage}", owner, stage?.OwnerRole ?? Roles.Tutor, history, stages) { People = people };
    }

    public async Task<IReadOnlyList<InterventionCase>> ForStudentAsync(StudentScope scope, int studentId, CancellationToken ct = default) =>
        !await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct) ? []
        : await db.InterventionCases.AsNoTracking().Include(x => x.Actions)
            .Where(c => c.StudentId == studentId && c.DeletedAt == null)
            .OrderBy(c => c.Status).ThenByDescending(c => c.OpenedOn).ToListAsync(ct);

    public sealed record Open(int StudentId, int Stage, CaseReason Reason, string Summary);

    /// <returns>The new case, or null when the viewer may not see the student.</returns>
    public async Task<InterventionCase?> OpenAsync(StudentScope scope, Open request, CancellationToken ct = default)
    {
        var student = await scope.Pastoral(db).AsNoTracking().Where(s => s.Id == request.StudentId)
            .Select(s => new { s.Id, s.InstitutionId }).FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        var summary = Text(request.Summary, "what the case is about");
        var stages = await StagesAsync(db, student.InstitutionId, ct);
        var stage = StageOf(stages, request.Stage);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var c = new InterventionCase
        {
            InstitutionId = student.InstitutionId,
            StudentId = student.Id,
            Stage = stage.Number,
            Reason = request.Reason,
            Summary = summary,
            OwnerStaffId = await OwnerAsync(student.Id, stage, scope.Viewer, ct),
            OpenedOn = today,
            NextReview = today.AddDays(stage.ReviewDays),
            Status = CaseStatus.Open,
            CreatedAt = now,
            CreatedBy = actor.Name,
            UpdatedAt = now,
            UpdatedBy = actor.Name,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.InterventionCases.Add(c);
        await db.SaveChangesAsync(ct);
        db.CaseEvents.Add(Event(c.Id, CaseEventKind.Opened, $"Opened at {stage.Name} for {Describe(request.Reason)}: {summary}", null, stage.Number));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return c;
    }

    /// <summary>Moves the case to another stage with a written reason; the new stage's owner takes it over.</summary>
    public async Task<bool> MoveAsync(StudentScope scope, long caseId, int expectedVersion, int toStage, string why, CancellationToken ct = default)
    {
        int? newOwner = null;
        var moved = await ChangeAsync(scope, caseId, expectedVersion, async (c, stages) =>
        {
            OpenOnly(c);
            var stage = StageOf(stages, toStage);
            if (stage.Number == c.Stage)
            {
                throw new ValidationException($"the case is already at {stage.Name}; choose another stage");
            }
            var reason = Text(why, $"why the case moves to {stage.Name}");
            var from = c.Stage;
            c.Stage = stage.Number;
            var before = c.OwnerStaffId;
            c.OwnerStaffId = await OwnerAsync(c.StudentId, stage, scope.Viewer, ct);
            newOwner = c.OwnerStaffId != before && c.OwnerStaffId != scope.Viewer.StaffId ? c.OwnerStaffId : null;
            c.NextReview = Today.AddDays(stage.ReviewDays);
            var owner = c.OwnerStaffId is null ? OwnerWords(stage) : await db.Staff.Where(s => s.Id == c.OwnerStaffId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
            return Event(c.Id, stage.Number > from ? CaseEventKind.Escalated : CaseEventKind.DeEscalated,
                $"{(stage.Number > from ? "Escalated" : "De-escalated")} from Stage {from} to {stage.Name}, now owned by {owner}: {reason}", from, stage.Number);
        }, ct);
        if (moved && newOwner is { } told && notifier is not null)
        {
            await notifier.CaseHandedOverAsync(caseId, told, ct);
        }
        return moved;
    }

    /// <summary>
    /// A senior leader takes a case waiting at a stage the senior leadership team owns: it becomes theirs (and leaves the
    /// other senior leaders' inboxes). Refused when the case is not waiting for senior leaders or someone took it first.
    /// </summary>
    public Task<bool> TakeAsync(StudentScope scope, long caseId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(scope, caseId, expectedVersion, async (c, stages) =>
        {
            scope.Viewer.Demand(Operation.TakeCasesForSeniorLeaders);
            OpenOnly(c);
            var stage = StageOf(stages, c.Stage);
            if (stage.OwnerRole != Roles.SeniorLeader)
            {
                throw new ValidationException($"{stage.Name} is owned by {OwnerWords(stage)}, not senior leaders; move the case to a senior leaders' stage first");
            }
            if (c.OwnerStaffId is { } owner)
            {
                var name = await db.Staff.Where(s => s.Id == owner).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
                throw new ValidationException($"{name} has already taken this case");
            }
            c.OwnerStaffId = scope.Viewer.StaffId;
            var me = await db.Staff.Where(s => s.Id == scope.Viewer.StaffId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
            return Event(c.Id, CaseEventKind.Taken, $"Taken by {me} for the senior leadership team", c.Stage, c.Stage);
        }, ct);

    public Task<bool> ReviewAsync(StudentScope scope, long caseId, int expectedVersion, string note, CancellationToken ct = default) =>
        ChangeAsync(scope, caseId, expectedVersion, (c, stages) =>
        {
            OpenOnly(c);
            var text = Text(note, "what the review found");
            c.NextReview = Today.AddDays(StageOf(stages, c.Stage).ReviewDays);
            return Task.FromResult(Event(c.Id, CaseEventKind.Reviewed, $"Reviewed: {text} Next review {c.NextReview:d MMM yyyy}.", c.Stage, c.Stage));
        }, ct);

    public Task<bool> EditSummaryAsync(StudentScope scope, long caseId, int expectedVersion, string summary, CancellationToken ct = default) =>
        ChangeAsync(scope, caseId, expectedVersion, (c, _) =>
        {
            var text = Text(summary, "what the case is about");
            var previous = c.Summary;
            c.Summary = text;
            return Task.FromResult(Event(c.Id, CaseEventKind.Edited, $"Summary changed. It was: {previous}", c.Stage, c.Stage));
        }, ct);

    public Task<bool> CloseAsync(StudentScope scope, long caseId, int expectedVersion, string outcome, CancellationToken ct = default) =>
        ChangeAsync(scope, caseId, expectedVersion, (c, _) =>
        {
            OpenOnly(c);
            c.Outcome = Text(outcome, "the outcome");
            c.Status = CaseStatus.Closed;
            c.ClosedOn = Today;
            return Task.FromResult(Event(c.Id, CaseEventKind.Closed, $"Closed: {c.Outcome}", c.Stage, null));
        }, ct);

    /// <summary>Soft delete: kept with who, when and why; gone from every list; administrators see it in the audit log.</summary>
    public Task<bool> DeleteAsync(StudentScope scope, long caseId, int expectedVersion, string why, CancellationToken ct = default) =>
        ChangeAsync(scope, caseId, expectedVersion, (c, _) =>
        {
            c.DeletedReason = Text(why, "why the case is deleted");
            c.DeletedAt = clock.GetUtcNow().UtcDateTime;
            c.DeletedBy = actor.Name;
            return Task.FromResult(Event(c.Id, CaseEventKind.Deleted, $"Deleted: {c.DeletedReason}", c.Stage, null));
        }, ct);

    public Task<bool> AddActionAsync(StudentScope scope, long caseId, int expectedVersion, string what, string who, DateOnly due, CancellationToken ct = default) =>
        ChangeAsync(scope, caseId, expectedVersion, (c, _) =>
        {
            OpenOnly(c);
            var action = new CaseAction { CaseId = c.Id, What = Text(what, "what is to be done", 1000), Who = Text(who, "who will do it", 200), Due = due };
            c.Actions.Add(action);
            return Task.FromResult(Event(c.Id, CaseEventKind.ActionAdded, $"Action for {action.Who} by {due:d MMM yyyy}: {action.What}", c.Stage, c.Stage));
        }, ct);

    /// <summary>Marks an action done (against the version of the action the caller saw).</summary>
    public async Task<bool> CompleteActionAsync(StudentScope scope, long actionId, int expectedVersion, CancellationToken ct = default)
    {
        var action = await db.CaseActions.FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null)
        {
            return false;
        }
        return await ChangeAsync(scope, action.CaseId, null, (c, _) =>
        {
            var a = c.Actions.Single(x => x.Id == actionId);
            db.Entry(a).Property(x => x.Version).OriginalValue = expectedVersion;
            if (a.Done)
            {
                throw new ValidationException("the action is already done");
            }
            (a.Done, a.DoneOn) = (true, Today);
            return Task.FromResult(Event(c.Id, CaseEventKind.ActionDone, $"Done: {a.What} ({a.Who})", c.Stage, c.Stage));
        }, ct);
    }

    private DateOnly Today => clock.Today();

    /// <summary>Loads the case (if the viewer may see its student), applies the change, records its event and saves
    /// against the version the caller saw; a lost race is a <see cref="ConcurrencyException"/>, nothing saved.</summary>
    private async Task<bool> ChangeAsync(StudentScope scope, long caseId, int? expectedVersion, Func<InterventionCase, IReadOnlyList<InterventionStage>, Task<CaseEvent>> change, CancellationToken ct)
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
        var stages = await StagesAsync(db, c.InstitutionId, ct);
        var e = await change(c, stages);
        c.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        c.UpdatedBy = actor.Name;
        // Every change to a case (an action done, a review) is a new version of it, even when no column of the case row changes.
        db.Entry(c).Property(x => x.UpdatedAt).IsModified = true;
        db.CaseEvents.Add(e);
        await VersionedSave.SaveAsync(db, "This case", ct);
        return true;
    }

    private async Task<int?> OwnerAsync(int studentId, InterventionStage stage, Viewer viewer, CancellationToken ct)
    {
        var tutor = await db.Students.Where(s => s.Id == studentId).Select(s => s.TutorGroup == null ? null : s.TutorGroup.TutorStaffId).FirstOrDefaultAsync(ct);
        return stage.OwnerRole switch
        {
            Roles.Tutor => tutor ?? viewer.StaffId,
            Roles.SeniorTutor => tutor is null ? null : await db.TutorTeamMembers.Where(t => t.TutorStaffId == tutor && t.SeniorTutorStaffId != tutor)
                .Select(t => (int?)t.SeniorTutorStaffId).FirstOrDefaultAsync(ct),
            Roles.ProgressLeader => await db.Students.Where(s => s.Id == studentId).Select(s => s.YearGroup!.ProgressLeaderStaffId).FirstOrDefaultAsync(ct),
            _ => null,
        };
    }

    private static string OwnerWords(InterventionStage stage) => stage.OwnerRole switch
    {
        Roles.SeniorLeader => "senior leaders",
        Roles.SeniorTutor => "the senior tutor",
        Roles.ProgressLeader => "the progress leader",
        _ => "the tutor",
    };

    private static InterventionStage StageOf(IReadOnlyList<InterventionStage> stages, int number) =>
        stages.FirstOrDefault(s => s.Number == number)
        ?? throw new ValidationException($"there is no stage {number}; expected one of {string.Join(", ", stages.Select(s => s.Number))}");

    private static void OpenOnly(InterventionCase c)
    {
        if (c.Status != CaseStatus.Open)
        {
            throw new ValidationException("the case is closed; reopen it first");
        }
    }

    private static string Text(string? text, string what, int max = TextLength)
    {
        var t = text?.Trim() ?? "";
        return t.Length == 0 ? throw new ValidationException($"write {what}")
            : t.Length > max ? throw new ValidationException($"{what} is {t.Length} characters; expected at most {max}") : t;
    }

    public static string Describe(CaseReason reason) => reason.ToString().ToLowerInvariant();

    private CaseEvent Event(long caseId, CaseEventKind kind, string text, int? from, int? to) => new()
    {
        CaseId = caseId,
        At = clock.GetUtcNow().UtcDateTime,
        By = actor.Name,
        Kind = kind,
        FromStage = from,
        ToStage = to,
        Text = text,
    };
}

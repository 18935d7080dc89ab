using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Wellbeing;

/// <summary>
/// What the wellbeing team records on a case: a note or — counsellors only — a counselling note; a review with the next
/// review date; a move to another stage with its owner and why; closing it with the outcome. Each change against the
/// version the member of staff saw; each leaves a line in the case's history.
/// </summary>
public sealed class WellbeingCaseChanges(ReferralAccess access, TimeProvider clock)
{
    /// <returns>False when there is no such case the viewer may change.</returns>
    public async Task<bool> NoteAsync(StudentScope scope, long caseId, bool counselling, DateOnly? on, string? text, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (counselling && !v.May(Operation.KeepCounsellingNotes))
        {
            throw new ValidationException("only counsellors keep counselling notes; record a note instead");
        }
        var c = await CaseAsync(scope, caseId, ct);
        if (c is null)
        {
            return false;
        }
        var today = clock.Today();
        var day = on ?? today;
        if (day > today || day < today.AddDays(-Limits.WellbeingNoteDaysBack))
        {
            throw new ValidationException($"the day of the note ({day:d MMMM yyyy}) must be from {today.AddDays(-Limits.WellbeingNoteDaysBack):d MMMM yyyy} to today");
        }
        if (day < c.OpenedOn)
        {
            throw new ValidationException($"the day of the note ({day:d MMMM yyyy}) is before the case was opened ({c.OpenedOn:d MMMM yyyy}); expected that day or later");
        }
        var words = FreeText.Required(text, counselling ? "the counselling note" : "the note");
        access.Db.WellbeingNotes.Add(Note(c, counselling ? WellbeingNoteKind.Counselling : WellbeingNoteKind.Note, words, day, v.StaffId, access.Now));
        await access.Db.SaveChangesAsync(ct);
        return true;
    }

    public Task<bool> ReviewAsync(StudentScope scope, long caseId, int version, DateOnly? next, string? text, CancellationToken ct = default) =>
        ChangeAsync(scope, caseId, version, c =>
        {
            var today = clock.Today();
            var review = next ?? throw new ValidationException("give the next review date");
            if (review <= today || review > today.AddDays(Limits.WellbeingReviewDaysAhead))
            {
                throw new ValidationException($"the next review ({review:d MMMM yyyy}) must be after today and at most {Limits.WellbeingReviewDaysAhead} days ahead");
            }
            c.NextReview = review;
            return (WellbeingNoteKind.Reviewed, $"Reviewed; next review {review:d MMMM yyyy}. {FreeText.Required(text, "what the review found")}");
        }, ct);

    public Task<bool> MoveAsync(StudentScope scope, long caseId, int version, int stage, int? owner, string? text, CancellationToken ct = default) =>
        ChangeAsync(scope, caseId, version, async c =>
        {
            var to = WellbeingStages.Of(stage);
            if (to.Number == c.Stage)
            {
                throw new ValidationException($"the case is at stage {to.Number} ({to.Name}) already");
            }
            var why = FreeText.Required(text, "why the case moves");
            var today = clock.Today();
            var who = owner ?? c.OwnerStaffId;
            var name = await WellbeingStages.CheckOwnerAsync(access.Db, scope.Viewer, who, to, today, CancellationToken.None);
            var from = WellbeingStages.Of(c.Stage);
            (c.Stage, c.OwnerStaffId, c.NextReview) = (to.Number, who, today.AddDays(to.ReviewDays));
            return (WellbeingNoteKind.Moved, $"Moved from stage {from.Number} ({from.Name}) to stage {to.Number} ({to.Name}), owned by {name}: {why}");
        }, ct);

    public Task<bool> CloseAsync(StudentScope scope, long caseId, int version, string? outcome, CancellationToken ct = default) =>
        ChangeAsync(scope, caseId, version, c =>
        {
            var words = FreeText.Required(outcome, "the outcome");
            (c.ClosedOn, c.Outcome) = (clock.Today(), words);
            return (WellbeingNoteKind.Closed, $"Closed: {words}");
        }, ct);

    private Task<bool> ChangeAsync(StudentScope scope, long caseId, int version, Func<WellbeingCase, (WellbeingNoteKind, string)> change, CancellationToken ct) =>
        ChangeAsync(scope, caseId, version, c => Task.FromResult(change(c)), ct);

    private async Task<bool> ChangeAsync(StudentScope scope, long caseId, int version, Func<WellbeingCase, Task<(WellbeingNoteKind, string)>> change, CancellationToken ct)
    {
        var c = await CaseAsync(scope, caseId, ct);
        if (c is null)
        {
            return false;
        }
        if (c.Version != version)
        {
            throw new ConcurrencyException("this wellbeing case");
        }
        var db = access.Db;
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        var (kind, text) = await change(c);
        db.WellbeingNotes.Add(Note(c, kind, text, clock.Today(), scope.Viewer.StaffId, access.Now));
        await VersionedSave.SaveAsync(db, "this wellbeing case", ct);
        return true;
    }

    /// <summary>An open case of the viewer's institution, tracked, when the viewer is in the wellbeing team.</summary>
    private async Task<WellbeingCase?> CaseAsync(StudentScope scope, long caseId, CancellationToken ct)
    {
        if (!scope.Viewer.May(Operation.UseWellbeingCases))
        {
            return null;
        }
        var c = await access.Db.WellbeingCases.FirstOrDefaultAsync(c => c.Id == caseId && c.InstitutionId == scope.Viewer.InstitutionId, ct);
        if (c is { ClosedOn: not null })
        {
            throw new ValidationException($"this case was closed on {c.ClosedOn:d MMMM yyyy}; open a new one from a new referral");
        }
        return c;
    }

    internal static WellbeingNote Note(WellbeingCase c, WellbeingNoteKind kind, string text, DateOnly on, int by, DateTime at) => new()
    {
        InstitutionId = c.InstitutionId,
        CaseId = c.Id,
        StudentId = c.StudentId,
        Kind = kind,
        Text = text.Length <= Limits.FreeText ? text : text[..Limits.FreeText],
        Stage = c.Stage,
        On = on,
        RecordedAt = at,
        ByStaffId = by,
    };
}

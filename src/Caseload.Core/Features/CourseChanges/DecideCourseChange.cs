using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>The student's senior tutor (or a senior leader) authorises or refuses a requested change — never the person who
/// requested it (the two-person rule). A refusal says why; either way the requester sees the decision in their inbox.</summary>
public sealed class DecideCourseChange(CourseChangeAccess access)
{
    /// <returns>False when there is no such change the viewer sees.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long id, int version, bool authorise, string? note, CancellationToken ct = default)
    {
        var change = await access.ForChangeAsync(scope, id, version, ct);
        if (change is null)
        {
            return false;
        }
        if (await access.WhyNotDecideAsync(scope.Viewer, change, ct) is { } why)
        {
            throw new ValidationException(why);
        }
        if (change.Status != CourseChangeStatus.Requested)
        {
            throw new ValidationException($"this change is already {CourseChangeWords.Describe(change.Status).ToLowerInvariant()}; expected a request waiting for a decision");
        }
        change.DecisionNote = authorise
            ? FreeText.Optional(note, "the note", CourseChange.NoteLength)
            : FreeText.Required(note, "why it is refused", CourseChange.NoteLength);
        change.Status = authorise ? CourseChangeStatus.Authorised : CourseChangeStatus.Refused;
        change.DecidedByStaffId = scope.Viewer.StaffId;
        change.DecidedAt = access.Now;
        await VersionedSave.SaveAsync(access.Db, "this course change", ct);
        return true;
    }
}

/// <summary>The requester (or an administrator) withdraws a request nobody has actioned.</summary>
public sealed class CancelCourseChange(CourseChangeAccess access)
{
    public async Task<bool> HandleAsync(StudentScope scope, long id, int version, CancellationToken ct = default)
    {
        var change = await access.ForChangeAsync(scope, id, version, ct);
        if (change is null)
        {
            return false;
        }
        if (change.RequestedByStaffId != scope.Viewer.StaffId && !scope.Viewer.May(Operation.ActionCourseChanges))
        {
            throw new ValidationException("only the person who requested the change, or an administrator, can cancel it");
        }
        if (change.Status is not (CourseChangeStatus.Requested or CourseChangeStatus.Authorised))
        {
            throw new ValidationException($"this change is already {CourseChangeWords.Describe(change.Status).ToLowerInvariant()}; nothing to cancel");
        }
        change.Status = CourseChangeStatus.Cancelled;
        change.DecidedByStaffId ??= scope.Viewer.StaffId;
        change.DecidedAt ??= access.Now;
        await VersionedSave.SaveAsync(access.Db, "this course change", ct);
        return true;
    }
}

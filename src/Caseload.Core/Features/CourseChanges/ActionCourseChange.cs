using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>
/// An administrator carries out an authorised change and sets its date: the enrolment left ends on the last day of
/// attendance (withdrawn, or transferred for a swap or change of level), with the reason's ILR code; the course joined
/// starts (the day after, for a swap); a withdrawal from the institution ends every course and takes the student off
/// roll. Ended enrolments are kept, so retention can be counted. The date defaults to the last day the student was marked
/// present; registers that show presence after the chosen date must be confirmed.
/// </summary>
public sealed class ActionCourseChange(CourseChangeAccess access)
{
    /// <summary>How far ahead a course joined may start.</summary>
    public const int JoinDaysAhead = Limits.CourseChangeJoinDaysAhead;

    /// <summary>The last day the student was marked present (or on an approved activity) up to today.</summary>
    public async Task<DateOnly?> LastPresentAsync(int institutionId, int studentId, CancellationToken ct = default)
    {
        var today = access.Today;
        return await Attended(institutionId, studentId).Where(d => d <= today).OrderByDescending(d => d).Select(d => (DateOnly?)d).FirstOrDefaultAsync(ct);
    }

    private IQueryable<DateOnly> Attended(int institutionId, int studentId)
    {
        var db = access.Db;
        var present = db.AttendanceCodes.Where(c => c.InstitutionId == institutionId
            && (c.Meaning == AttendanceMeaning.Present || c.Meaning == AttendanceMeaning.ApprovedActivity)).Select(c => c.Code);
        return db.AttendanceMarks.Where(m => m.StudentId == studentId && present.Contains(m.Code)).Select(m => m.Date);
    }

    /// <returns>False when there is no such change the viewer sees.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long id, int version, DateOnly on, bool confirmed, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.ActionCourseChanges);
        var change = await access.ForChangeAsync(scope, id, version, ct);
        if (change is null)
        {
            return false;
        }
        if (change.Status != CourseChangeStatus.Authorised)
        {
            throw new ValidationException(change.Status == CourseChangeStatus.Requested
                ? "this change has not been authorised yet; expected the senior tutor's authorisation before it is actioned"
                : $"this change is {CourseChangeWords.Describe(change.Status).ToLowerInvariant()}; expected an authorised change");
        }
        var db = access.Db;
        var today = access.Today;
        var reason = await db.ChangeReasons.AsNoTracking().FirstAsync(r => r.Id == change.ReasonId, ct);
        var enrolments = await db.Enrolments.Include(e => e.Course).Where(e => e.StudentId == change.StudentId).ToListAsync(ct);
        var leaving = change.Kind == CourseChangeKind.Withdraw
            ? enrolments.Where(e => e.Status == EnrolmentStatus.Active).ToList()
            : enrolments.Where(e => e.CourseId == change.FromCourseId && e.Status == EnrolmentStatus.Active).ToList();
        if (CourseChangeWords.Leaves(change.Kind))
        {
            if (leaving.Count == 0)
            {
                throw new ValidationException("the student is no longer on the course this change leaves (the enrolments were changed since it was requested); cancel this request and raise a new one");
            }
            if (on > today)
            {
                throw new ValidationException($"the last day on the course is {on:d MMMM yyyy}, after today; expected the last day of attendance, today or before");
            }
            if (leaving.FirstOrDefault(e => e.StartDate is { } start && on < start) is { } early)
            {
                throw new ValidationException($"the last day on the course is {on:d MMMM yyyy}, before {early.Course!.Name} began on {early.StartDate:d MMMM yyyy}; expected a date on or after the start");
            }
            var after = await Attended(change.InstitutionId, change.StudentId).Where(d => d > on && d <= today).Distinct().OrderBy(d => d).ToListAsync(ct);
            if (after.Count > 0 && !confirmed)
            {
                throw new ValidationException($"registers show the student present on {after.Count} day{(after.Count == 1 ? "" : "s")} after {on:d MMMM yyyy} (the last on {after[^1]:d MMMM yyyy}); the date should be the last day of attendance — choose that date, or confirm this one");
            }
        }
        else if (on > today.AddDays(JoinDaysAhead) || on < today.AddDays(-JoinDaysAhead))
        {
            throw new ValidationException($"the first day on the new course is {on:d MMMM yyyy}; expected a date within {JoinDaysAhead} days of today");
        }
        var transfer = change.Kind is CourseChangeKind.Swap or CourseChangeKind.ChangeLevel;
        foreach (var e in leaving)
        {
            e.Status = transfer ? EnrolmentStatus.Transferred : EnrolmentStatus.Withdrawn;
            e.EndDate = on;
            e.EndReasonCode = reason.IlrCode;
            e.EndReason = reason.Name;
        }
        if (change.ToCourseId is { } joinId)
        {
            var start = change.Kind == CourseChangeKind.Add ? on : on.AddDays(1);
            var joined = enrolments.FirstOrDefault(e => e.CourseId == joinId);
            if (joined is { Status: EnrolmentStatus.Active })
            {
                throw new ValidationException($"the student already studies {joined.Course!.Name}; cancel this request");
            }
            if (joined is null)
            {
                joined = db.Enrolments.Add(new Enrolment { StudentId = change.StudentId, CourseId = joinId }).Entity;
            }
            joined.Status = EnrolmentStatus.Active;
            joined.StartDate = start;
            joined.EndDate = null;
            joined.EndReason = null;
            joined.EndReasonCode = null;
            // A new course's teacher, group and target come with the next enrolments import (or the target table).
            joined.TeacherStaffId = null;
            joined.TeachingGroup = null;
        }
        if (change.Kind == CourseChangeKind.Withdraw)
        {
            var student = await db.Students.FirstAsync(s => s.Id == change.StudentId, ct);
            student.OnRoll = false;
            student.LeftOn = on;
            student.LeavingReason = reason.Name;
            student.UpdatedAt = access.Now;
            student.UpdatedBy = $"staff:{scope.Viewer.StaffId}";
        }
        change.Status = CourseChangeStatus.Actioned;
        change.ActionedByStaffId = scope.Viewer.StaffId;
        change.ActionedAt = access.Now;
        change.EffectiveOn = on;
        await VersionedSave.SaveAsync(db, "this course change", ct); // one SaveChanges: the enrolments and the change together
        await Analytics.StudentSummaries.RecomputeAsync(db, change.InstitutionId, [change.StudentId], today, access.Now, ct);
        return true;
    }
}

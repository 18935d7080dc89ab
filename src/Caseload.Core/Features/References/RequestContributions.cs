using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.References;

/// <summary>The tutor asks each of the student's subject teachers for a contribution (a paragraph and the predicted grade)
/// by a date: one task per course with a teacher, in the teacher's inbox. Asking again adds only courses not yet asked.</summary>
public sealed class RequestContributions(ReferenceAccess access, Notifications.Notifier? notifier = null)
{
    /// <summary>How far ahead the due date may be.</summary>
    public const int DueDaysAhead = Limits.ContributionDueDaysAhead;

    /// <returns>How many teachers were asked, or null when there is no such application the viewer drafts.</returns>
    public async Task<int?> HandleAsync(StudentScope scope, long applicationId, int version, DateOnly dueOn, CancellationToken ct = default)
    {
        var application = await access.ForChangeAsync(scope, applicationId, version, ct);
        if (application is null)
        {
            return null;
        }
        var today = access.Today;
        if (dueOn < today || dueOn > today.AddDays(DueDaysAhead))
        {
            throw new ValidationException($"the contributions are due on {dueOn:d MMMM yyyy}; expected a date from today to {DueDaysAhead} days ahead");
        }
        if (application.Status >= ReferenceStatus.Drafted)
        {
            throw new ValidationException("the reference has been drafted; expected contributions to be asked for before it is drafted");
        }
        var db = access.Db;
        var asked = await db.Contributions.Where(c => c.ApplicationId == application.Id).Select(c => c.EnrolmentId).ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.StudentId == application.StudentId && e.Status == EnrolmentStatus.Active && e.TeacherStaffId != null && !asked.Contains(e.Id))
            .Select(e => new { e.Id, Teacher = e.TeacherStaffId!.Value }).ToListAsync(ct);
        if (enrolments.Count == 0 && asked.Count == 0)
        {
            throw new ValidationException("none of the student's courses has a teacher (the enrolments import's teacher_staff_id); expected at least one to ask");
        }
        var added = enrolments.Select(e => new Contribution
        {
            ApplicationId = application.Id,
            EnrolmentId = e.Id,
            TeacherStaffId = e.Teacher,
            DueOn = dueOn,
            RequestedAt = access.Now,
        }).ToList();
        db.Contributions.AddRange(added);
        if (enrolments.Count > 0)
        {
            application.Status = ReferenceStatus.Requested;
        }
        await VersionedSave.SaveAsync(db, "this reference", ct);
        foreach (var c in added)
        {
            if (notifier is not null)
            {
                await notifier.ContributionAskedAsync(c.Id, c.TeacherStaffId, c.DueOn, ct);
            }
        }
        return enrolments.Count;
    }
}

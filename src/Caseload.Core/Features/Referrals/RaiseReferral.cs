using Caseload.Core.Domain;
using Caseload.Core.Features.Notifications;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Referrals;

/// <summary>Any member of staff raises a referral or concern about a student they can see (pastoral or teaching view);
/// it is routed by category (<see cref="ReferralAccess.TeamOf"/>) and its receivers are told.</summary>
public sealed class RaiseReferral(ReferralAccess access, Notifier? notifier = null)
{
    public sealed record Request(int StudentId, ReferralCategory Category, Urgency Urgency, string What);

    /// <param name="alongside">What is saved with the referral, in the same transaction, once it has its id (a
    /// safeguarding concern's details); the receivers are told only when all of it is saved.</param>
    /// <returns>The referral, or null when the viewer may not see the student at all.</returns>
    public async Task<Referral?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default, Func<Referral, Task>? alongside = null)
    {
        var db = access.Db;
        var student = await scope.Visible(db).AsNoTracking().Where(s => s.Id == request.StudentId)
            .Select(s => new
            {
                s.Id,
                s.InstitutionId,
                Tutor = s.TutorGroup == null ? null : s.TutorGroup.TutorStaffId,
                Leader = s.YearGroup!.ProgressLeaderStaffId,
            })
            .FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        if (!Enum.IsDefined(request.Category))
        {
            throw new ValidationException("choose what kind of referral this is");
        }
        if (!Enum.IsDefined(request.Urgency))
        {
            throw new ValidationException("choose how urgent it is: routine, soon or urgent");
        }
        var team = ReferralAccess.TeamOf(request.Category);
        int? person = team is null ? student.Tutor ?? student.Leader : null;
        var referral = new Referral
        {
            InstitutionId = student.InstitutionId,
            StudentId = student.Id,
            Category = request.Category,
            Urgency = request.Urgency,
            Restricted = request.Category == ReferralCategory.Safeguarding,
            What = FreeText.Required(request.What, "what happened"),
            RaisedByStaffId = scope.Viewer.StaffId,
            RaisedAt = access.Now,
            ToStaffId = person,
            ToRole = team ?? (person is null ? Roles.SeniorLeader : null),
            Status = ReferralStatus.Raised,
        };
        db.Referrals.Add(referral);
        if (alongside is null)
        {
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await alongside(referral);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        if (!referral.Restricted)
        {
            await Analytics.StudentSummaries.CaseworkChangedAsync(db, referral.InstitutionId, referral.StudentId, access.Today, access.Now, ct);
        }
        if (notifier is not null)
        {
            await notifier.ReferralAsync(referral, ct);
        }
        return referral;
    }
}

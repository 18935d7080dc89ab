using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The safeguarding team reviews a child's monitoring: continues it to a new review date, or ends it, with why. Each
/// review is a line of the chronology; the latest decides whether a review is waiting in the team's inbox.
/// </summary>
public sealed class ReviewMonitoring(ReferralAccess access, TimeProvider clock)
{
    /// <param name="continueUntil">The next review date; null ends the monitoring.</param>
    /// <returns>False when the viewer is not in the safeguarding team or the student is not theirs to see.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, int studentId, DateOnly? continueUntil, string? why, CancellationToken ct = default)
    {
        if (!scope.Viewer.May(Operation.ReadSafeguarding))
        {
            return false;
        }
        var db = access.Db;
        var institution = scope.Viewer.InstitutionId;
        if (!await access.SafeguardingStudents(scope.Viewer).ContainsAsync(studentId, ct))
        {
            return false;
        }
        var today = clock.Today();
        var until = continueUntil is null ? (DateOnly?)null : SafeguardingWorkflow.Ahead(continueUntil, today, "the next review date");
        var current = await db.SafeguardingEntries.Where(e => e.StudentId == studentId && e.Kind == SafeguardingEntryKind.Monitoring)
            .OrderByDescending(e => e.Id).Select(e => new { e.DueOn }).FirstOrDefaultAsync(ct);
        if (until is null && current?.DueOn is null)
        {
            throw new ValidationException("this child is not being monitored; give a review date to start monitoring");
        }
        db.SafeguardingEntries.Add(new SafeguardingEntry
        {
            InstitutionId = institution,
            StudentId = studentId,
            Kind = SafeguardingEntryKind.Monitoring,
            OccurredOn = today,
            RecordedAt = access.Now,
            RecordedByStaffId = scope.Viewer.StaffId,
            Text = FreeText.Required(why, until is null ? "why the monitoring can end" : "why the monitoring continues"),
            DueOn = until,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}

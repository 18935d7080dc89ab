using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Caseload;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Attendance;

/// <summary>
/// A student's attendance for any range of dates, computed from the register marks by the attendance rules (weekly
/// summaries only serve whole weeks). Pastoral data: null when the viewer may not see it. Audited as a read.
/// </summary>
public sealed class GetAttendanceForDates(CaseloadDbContext db, ReferenceData reference, TimeProvider clock)
{
    /// <summary>At most a little over a school year, so one request reads a bounded number of marks.</summary>
    public const int MaxDays = Domain.Limits.AttendanceRangeDays;

    public async Task<AttendanceFigures?> HandleAsync(StudentScope scope, int studentId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from)
        {
            throw new ValidationException($"the range runs from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}; expected 'from' on or before 'to'");
        }
        if (to.DayNumber - from.DayNumber > MaxDays)
        {
            throw new ValidationException($"the range is {to.DayNumber - from.DayNumber + 1} days; expected at most {MaxDays + 1}");
        }
        if (await scope.ViewOfAsync(db, studentId, ct) != StudentView.Pastoral)
        {
            return null;
        }
        var institutionId = scope.Viewer.InstitutionId;
        var codes = (await reference.ForAsync(institutionId, ct)).Codes;
        var marks = await db.AttendanceMarks.AsNoTracking()
            .Where(m => m.StudentId == studentId && m.Date >= from && m.Date <= to)
            .Select(m => new { m.Code, m.MinutesLate })
            .ToListAsync(ct);
        db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = institutionId,
            At = clock.GetUtcNow().UtcDateTime,
            Actor = $"staff:{scope.Viewer.StaffId}",
            Action = AuditAction.Read,
            Entity = "StudentAttendance",
            EntityId = studentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StudentId = studentId,
            Changes = $"{{\"from\":\"{from:yyyy-MM-dd}\",\"to\":\"{to:yyyy-MM-dd}\"}}",
        });
        await db.SaveChangesAsync(ct);
        return AttendanceFigures.OfMarks(marks.Select(m => (m.Code, m.MinutesLate)), codes);
    }
}

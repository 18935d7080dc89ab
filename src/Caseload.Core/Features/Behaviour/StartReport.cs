using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>Puts a student on report from a date with daily targets (one per line, 1 to 6) and why.</summary>
public sealed class StartReport(CaseloadDbContext db, TimeProvider clock)
{
    public async Task<long?> HandleAsync(StudentScope scope, int studentId, DateOnly from, string targets, string reason, CancellationToken ct = default)
    {
        if (!await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return null;
        }
        if (await db.OnReports.AnyAsync(r => r.StudentId == studentId && r.To == null, ct))
        {
            throw new ValidationException("the student is already on report; take them off it first");
        }
        var today = clock.Today();
        if (from < today.AddDays(-Limits.ReportStartDaysFromToday) || from > today.AddDays(Limits.ReportStartDaysFromToday))
        {
            throw new ValidationException($"the report starts {from:d MMM yyyy}; expected a date within {Limits.ReportStartDaysFromToday} days of today ({today.AddDays(-Limits.ReportStartDaysFromToday):d MMM} to {today.AddDays(Limits.ReportStartDaysFromToday):d MMM yyyy})");
        }
        var lines = Reports.Lines(targets);
        if (lines.Count is 0 or > 6)
        {
            throw new ValidationException($"a report has {lines.Count} targets; expected 1 to 6, one per line");
        }
        foreach (var line in lines)
        {
            FreeText.Required(line, "a target", 200);
        }
        var report = new OnReport { StudentId = studentId, From = from, Targets = string.Join('\n', lines), Reason = FreeText.Required(reason, "why the student is on report", 1000), StartedByStaffId = scope.Viewer.StaffId };
        db.OnReports.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }
}

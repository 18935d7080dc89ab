using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>Records one day on report: how many of the targets were met (one record per day; a second replaces the first).</summary>
public sealed class RecordReportDay(CaseloadDbContext db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(StudentScope scope, long reportId, DateOnly date, int met, string? comment, CancellationToken ct = default)
    {
        var report = await db.OnReports.Include(r => r.Days).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == report.StudentId, ct))
        {
            return false;
        }
        var of = Reports.Lines(report.Targets).Count;
        if (met < 0 || met > of)
        {
            throw new ValidationException($"{met} targets met; expected 0 to {of}");
        }
        var today = clock.Today();
        if (date < report.From || (report.To is { } to && date > to) || date > today)
        {
            throw new ValidationException($"{date:d MMM yyyy} is outside the report ({report.From:d MMM} to {(report.To ?? today):d MMM})");
        }
        var day = report.Days.FirstOrDefault(d => d.Date == date);
        if (day is null)
        {
            report.Days.Add(day = new ReportDay { Date = date });
        }
        (day.Met, day.Of, day.Comment, day.RecordedByStaffId) = (met, of, FreeText.Optional(comment, "the comment", 1000), scope.Viewer.StaffId);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

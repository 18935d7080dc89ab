using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>
/// <c>caseload export withdrawals</c>: every course a student left in a period, in an ILR-friendly CSV — the learner
/// (the MIS id and ULN), the course (its code and qualification), the start and actual end date, completion status 3
/// ("withdrawn") and outcome 3 ("no achievement"), and the withdrawal reason code (40 for a transfer to another course
/// here) with the institution's words. Whole withdrawals from the institution appear as one row per course.
/// </summary>
public sealed class ExportWithdrawals(CaseloadDbContext db)
{
    public static readonly string[] Headings = ["student_id", "uln", "course_code", "qualification", "start_date", "end_date", "completion_status", "outcome", "withdraw_reason", "reason"];

    /// <returns>How many rows were written.</returns>
    public async Task<int> WriteAsync(int institutionId, DateOnly from, DateOnly to, TextWriter output, CancellationToken ct = default)
    {
        if (to < from)
        {
            throw new ValidationException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}; expected a period forwards");
        }
        var rows = await db.Enrolments.AsNoTracking()
            .Where(e => e.Student!.InstitutionId == institutionId && e.Status != EnrolmentStatus.Active && e.EndDate >= from && e.EndDate <= to)
            .OrderBy(e => e.EndDate).ThenBy(e => e.Student!.ExternalId).ThenBy(e => e.Course!.Code)
            .Select(e => new { e.Student!.ExternalId, e.Student.Uln, e.Course!.Code, e.Course.Qualification, e.StartDate, e.EndDate, e.EndReasonCode, e.EndReason })
            .ToListAsync(ct);
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in Headings)
        {
            csv.WriteField(h);
        }
        await csv.NextRecordAsync();
        foreach (var r in rows)
        {
            csv.WriteField(Exports.TableExport.Escape(r.ExternalId));
            csv.WriteField(r.Uln ?? "");
            csv.WriteField(Exports.TableExport.Escape(r.Code));
            csv.WriteField(Exports.TableExport.Escape(r.Qualification));
            csv.WriteField(r.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(r.EndDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField("3");
            csv.WriteField("3");
            csv.WriteField(r.EndReasonCode?.ToString(CultureInfo.InvariantCulture) ?? "98");
            csv.WriteField(Exports.TableExport.Escape(r.EndReason ?? "Not known"));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
        return rows.Count;
    }
}

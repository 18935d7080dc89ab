using Caseload.Core.Features.Audit;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Students;

/// <summary>"Who has looked at this record": every opening of a student's record, newest first, with names, roles and UK
/// times; for administrators and the safeguarding lead (SearchAudit.ReadersAsync decides), a 404 for anyone else.</summary>
[Authorize(Policy = nameof(Core.Security.Operation.SeeRecordReaders))]
public sealed class ReadersModel(CurrentViewer current, SearchAudit audit, Core.Data.CaseloadDbContext db) : PageModel
{
    public int StudentId { get; private set; }
    public string Student { get; private set; } = "";
    public IReadOnlyList<SearchAudit.Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null || await audit.ReadersAsync(viewer, id, ct) is not { } lines)
        {
            return NotFound();
        }
        StudentId = id;
        Student = await db.Students.AsNoTracking().Where(s => s.Id == id).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName + " (" + s.ExternalId + ")").SingleAsync(ct);
        Lines = lines;
        return Page();
    }

    /// <summary>What was opened, in words: the whole record (or, for a teacher, the academic part), a concern, a date range.</summary>
    public static string What(SearchAudit.Line l) => l.Entity switch
    {
        "StudentProfile" when l.Fields.Any(f => f.Name == "view" && f.After == "academic") => "Courses and grades (as a teacher)",
        "StudentProfile" => "The student's record",
        "StudentAttendance" when l.Fields.FirstOrDefault(f => f.Name == "from")?.After is { } from && l.Fields.FirstOrDefault(f => f.Name == "to")?.After is { } to =>
            $"Attendance from {from} to {to}",
        "Referral" => "A safeguarding concern",
        "SafeguardingEntry" => "A safeguarding action (its owner or the safeguarding team)",
        _ => l.Entity + (l.Fields.Count > 0 ? " (" + string.Join(", ", l.Fields.Select(AuditModelText)) + ")" : ""),
    };

    private static string AuditModelText(SearchAudit.Field f) => Admin.AuditModel.FieldText(f);
}

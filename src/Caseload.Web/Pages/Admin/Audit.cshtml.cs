using Caseload.Core.Domain;
using Caseload.Core.Exports;
using Caseload.Core.Features.Audit;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Admin;

/// <summary>
/// The audit log: administrators see it all but the entries about safeguarding concerns, which only the safeguarding
/// team sees (SearchAudit decides); for anyone else the page does not exist. Times are UK time; CSV gives what is shown.
/// </summary>
public sealed class AuditModel(CurrentViewer current, SearchAudit search, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? StaffId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Student { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public IReadOnlyList<SearchAudit.Line> Lines { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Staff { get; private set; } = [];
    /// <summary>The record types to search by, in words (the value is the type's stored name).</summary>
    public IReadOnlyList<(string Entity, string Words)> RecordTypes { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>The field the error is about (its summary links to it): a record type not in the list, or the student.</summary>
    public string ErrorField { get; private set; } = nameof(Student);
    /// <summary>The safeguarding team without the administrators' log: only the entries about safeguarding concerns.</summary>
    public bool SafeguardingOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || !Core.Features.Audit.SearchAudit.MaySearch(scope.Viewer))
        {
            return NotFound();
        }
        Staff = await search.StaffAsync(scope.Viewer, ct);
        RecordTypes = search.RecordTypes();
        SafeguardingOnly = !scope.Viewer.May(Operation.SearchAuditLog);
        try
        {
            Lines = await search.HandleAsync(new SearchAudit.Request(scope.Viewer, Actor, Entity, Action, Student, From, To, StaffId), ct) ?? [];
        }
        catch (Core.ValidationException e)
        {
            Error = Display.Sentence(e.Message);
            ErrorField = !string.IsNullOrWhiteSpace(Entity) && !RecordTypes.Any(t => t.Entity == Entity.Trim()) ? nameof(Entity) : nameof(Student);
            return Page();
        }
        if (Format == "csv")
        {
            var csv = new MemoryStream();
            TableExport.WriteCsv(csv, [new ExportTable("Audit log (UK time)",
                ["When", "Who", "Roles", "Action", "Record", "Record ID", "Student ID", "Student", "Values"],
                [.. Lines.Select(l => (IReadOnlyList<object?>)[Local(l.At).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    Who(l), string.Join(", ", l.ActorRoles), l.Action.ToString(), Core.Features.Audit.RecordTypes.Describe(l.Entity), l.EntityId, l.Student, l.StudentName,
                    string.Join("; ", l.Fields.Select(FieldText))])])]);
            Response.Headers.CacheControl = "no-store";
            return File(csv.ToArray(), "text/csv; charset=utf-8", $"audit-log-{Local(clock.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.csv");
        }
        return Page();
    }

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Display.London);

    /// <summary>The member of staff by name, or the door that acted ("cli:jo", "demo") as written.</summary>
    public static string Who(SearchAudit.Line l) => l.ActorName ?? l.Actor;

    public static string FieldText(SearchAudit.Field f) => f.Before is null ? $"{f.Name}: {f.After ?? "(none)"}" : $"{f.Name}: {f.Before} → {f.After ?? "(none)"}";

    /// <summary>This search as CSV: the same filters, with format=csv.</summary>
    public string CsvLink() => Request.Path + QueryString.Create(Request.Query.Where(q => q.Key != "Format")
        .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).Append(new("Format", "csv"))).ToUriComponent();
}

using Caseload.Core.Data;
using Caseload.Core.Features.Imports;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Admin;

/// <summary>The institution's calendar for administrators: each year's terms and closed days, and importing a new
/// calendar file (the same import as <c>caseload calendar import</c>: refused whole, with file:line:column).</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.ManageCalendar))]
[RequestSizeLimit(MaxBytes + (16 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + (16 * 1024))]
public sealed class CalendarModel(CurrentViewer current, CaseloadDbContext db) : PageModel
{
    /// <summary>The largest calendar file accepted (1,000 rows of about 60 bytes, with room to spare).</summary>
    public const int MaxBytes = 256 * 1024;

    public IReadOnlyList<GetCalendar.Year> Years { get; private set; } = [];
    public ImportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        Years = await GetCalendar.HandleAsync(db, viewer.InstitutionId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, [FromServices] Importer importer, [FromServices] AuditActor actor, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        if (file is null || file.Length == 0)
        {
            Error = "Choose a calendar file (CSV) to import.";
        }
        else if (file.Length > MaxBytes)
        {
            Error = $"The file is {file.Length / 1024:N0} KB; a calendar file may be at most {MaxBytes / 1024} KB.";
        }
        else
        {
            var name = Path.GetFileName(file.FileName);
            name = name.Length is 0 or > 100 || name.Any(char.IsControl) ? "calendar.csv" : name;
            await using var stream = file.OpenReadStream();
            Result = await importer.RunAsync("calendar", new ImportRequest(viewer.InstitutionId, name, stream, actor.Name), ct);
        }
        Years = await GetCalendar.HandleAsync(db, viewer.InstitutionId, ct);
        return Page();
    }
}

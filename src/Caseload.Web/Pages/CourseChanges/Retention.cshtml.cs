using Caseload.Core.Exports;
using Caseload.Core.Features.CourseChanges;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.CourseChanges;

/// <summary>Retention this year for the students the viewer sees: by year, tutor group and course, the reasons and each
/// withdrawal; as CSV or Excel too.</summary>
[Authorize(Policy = nameof(Operation.UseCohorts))]
public sealed class RetentionModel(CurrentViewer current, GetRetention retention) : PageModel
{
    public GetRetention.Result Result { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Result = await retention.HandleAsync(scope, ct);
        switch (Format)
        {
            case "csv":
                var csv = new MemoryStream();
                TableExport.WriteCsv(csv, GetRetention.Tables(Result));
                return File(csv.ToArray(), "text/csv; charset=utf-8", "retention.csv");
            case "xlsx":
                var xlsx = new MemoryStream();
                TableExport.WriteExcel(xlsx, GetRetention.Tables(Result));
                return File(xlsx.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "retention.xlsx");
            default:
                return Page();
        }
    }
}

using Caseload.Core;
using Caseload.Core.Exports;
using Caseload.Core.Features.Destinations;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Destinations;

/// <summary>Destinations: one academic year's leavers, intended against actual, and how many were sustained.</summary>
[Authorize(Policy = nameof(Operation.RecordDestinations))]
public sealed class IndexModel(CurrentViewer current, ListDestinations list, TimeProvider clock) : PageModel
{
    public ListDestinations.View View { get; private set; } = null!;
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        var latest = ListDestinations.DefaultYear(Core.Shared.SchoolClock.Today(clock));
        Years = [.. Enumerable.Range(0, 6).Select(i => latest + 1 - i)];
        try
        {
            View = await list.HandleAsync(scope, Year, ct);
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
            View = await list.HandleAsync(scope, null, ct);
        }
        var file = $"destinations-{View.Year}-{(View.Year + 1) % 100:00}";
        switch (Format)
        {
            case "csv":
                var csv = new MemoryStream();
                TableExport.WriteCsv(csv, ListDestinations.Tables(View));
                return File(csv.ToArray(), "text/csv; charset=utf-8", file + ".csv");
            case "xlsx":
                var xlsx = new MemoryStream();
                TableExport.WriteExcel(xlsx, ListDestinations.Tables(View));
                return File(xlsx.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file + ".xlsx");
        }
        return Page();
    }
}

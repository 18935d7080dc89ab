using Caseload.Core.Domain;
using Caseload.Core.Exports;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Cohorts;

/// <summary>
/// Cohort views: the institution, a year group or a tutor group, with charts and the same figures in tables, exportable
/// as CSV or Excel. Only cohorts the viewer sees whole are offered (<see cref="GetCohort"/>); anything else is "not found".
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Security.Operation.UseCohorts))]
public sealed class IndexModel(CurrentViewer current, GetCohort cohorts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }
    /// <summary>The picker's choice, "level:key".</summary>
    [BindProperty(SupportsGet = true)] public string? Cohort { get; set; }

    public GetCohort.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (Cohort?.Split(':', 2) is [var chosenLevel, var chosenKey])
        {
            (Level, Key) = (chosenLevel, chosenKey);
        }
        GetCohort.Level? level = Level is null ? null : Enum.TryParse<GetCohort.Level>(Level, ignoreCase: true, out var l) ? l : (GetCohort.Level)(-1);
        if (scope is null
            || await cohorts.HandleAsync(scope, level, Key, clock.Today(), ct) is not { } result)
        {
            return NotFound();
        }
        Result = result;
        var name = $"cohort-{result.Cohort.Level.ToString().ToLowerInvariant()}-{new string([.. result.Cohort.Key.Where(char.IsLetterOrDigit)])}";
        switch (Format)
        {
            case "csv":
                var csv = new MemoryStream();
                TableExport.WriteCsv(csv, CohortExport.Tables(result));
                return File(csv.ToArray(), "text/csv; charset=utf-8", name + ".csv");
            case "xlsx":
                var xlsx = new MemoryStream();
                TableExport.WriteExcel(xlsx, CohortExport.Tables(result));
                return File(xlsx.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            default:
                return Page();
        }
    }

    public string Link(string format) =>
        $"/cohorts?level={Result.Cohort.Level.ToString().ToLowerInvariant()}&key={Uri.EscapeDataString(Result.Cohort.Key)}&format={format}";

    /// <summary>A gap in points, signed, with the direction that is worse marked (lower attendance, more absence, fewer on target).</summary>
    public static (string Text, bool Worse) Gap(decimal? gap, bool higherIsBetter) => gap is not { } g ? ("–", false)
        : ($"{(g > 0 ? "+" : g < 0 ? "−" : "")}{Math.Abs(g):0.0}", higherIsBetter ? g <= -1 : g >= 1);
}

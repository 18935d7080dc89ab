using Caseload.Core.Features.OneToOnes;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.OneToOnes;

/// <summary>The 1:1 schedule of the viewer's students: overdue first, then due this week, then later.</summary>
public sealed class IndexModel(CurrentViewer current, GetOneToOneSchedule schedule, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GetOneToOneSchedule.Due> Schedule { get; private set; } = [];
    public DateOnly Today => clock.Today();

    /// <summary>Only overdue and due this week (the default), or everyone.</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    /// <summary>The page of the list shown (50 rows), or every row of it.</summary>
    [BindProperty(SupportsGet = true, Name = "RowsP")] public int? P { get; set; }

    [BindProperty(SupportsGet = true, Name = "RowsAll")] public bool AllRows { get; set; }

    public Paged<GetOneToOneSchedule.Due> Shown { get; private set; } = Paging.Of<GetOneToOneSchedule.Due>([], 1, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Schedule = await schedule.HandleAsync(scope, Today, ct: ct);
        Shown = Paging.Of(All ? Schedule : [.. Schedule.Where(d => d.State != Core.Rules.OneToOneSchedule.State.Later)], P ?? 1, AllRows);
        return Page();
    }
}

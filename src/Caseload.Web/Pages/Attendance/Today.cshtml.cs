using Caseload.Core.Features.Attendance;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Attendance;

/// <summary>Absent today: the viewer's students marked absent in today's registers, no reason yet first.</summary>
public sealed class TodayModel(CurrentViewer current, GetAbsentToday absent, TimeProvider clock) : PageModel
{
    public GetAbsentToday.Result Result { get; private set; } = null!;

    public Paged<GetAbsentToday.Absent> Shown { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public int? P { get; set; }

    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    /// <summary>Another day than today (up to a month back).</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }

    public string? Error { get; private set; }

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            Result = await absent.HandleAsync(scope, Today, Day, ct);
        }
        catch (Core.ValidationException e)
        {
            Error = Display.Sentence(e.Message);
            Result = await absent.HandleAsync(scope, Today, ct: ct);
        }
        Shown = Paging.Of(Result.Students, P ?? 1, All);
        return Page();
    }
}

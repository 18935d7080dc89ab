using Caseload.Core.Features.Caseload;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages;

/// <summary>My caseload: the tutor's morning. Filters are a GET form, so a filtered view can be bookmarked.</summary>
public sealed class IndexModel(CurrentViewer current, CaseloadCache caseload, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? Below { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Tutor { get; set; }

    public GetCaseload.Result? Result { get; private set; }
    public IReadOnlyList<GetCaseload.Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Groups { get; private set; } = [];

    /// <summary>Whom the viewer covers today: their students are in this caseload until the cover's last day.</summary>
    public IReadOnlyList<Core.Security.StudentScope.Covering> Covers { get; private set; } = [];
    public static IReadOnlyList<string> Flags => Core.Domain.StudentFlags.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            await HttpContext.RequestServices.GetRequiredService<SignInManager<Core.Domain.CaseloadUser>>().SignOutAsync();
            return Redirect("/sign-in");
        }
        // Staff who only teach have no caseload: their morning starts from their classes.
        Covers = scope.Covers;
        if (scope.Viewer.Roles.All(r => r == Core.Domain.Roles.SubjectTeacher) && scope.Covers.Count == 0)
        {
            return Redirect("/classes");
        }
        // A senior tutor may look at one tutor of their team; anyone else's choice is ignored.
        var tutor = Tutor is { } t && scope.CaseloadStaffIds.Contains(t) ? t : (int?)null;
        Result = await caseload.HandleAsync(new GetCaseload.Request(scope, clock.Today(), tutor), ct);
        Groups = [.. Result.Rows.Select(r => r.TutorGroup).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        IEnumerable<GetCaseload.Row> rows = Result.Rows;
        if (!string.IsNullOrEmpty(Group))
        {
            rows = rows.Where(r => r.TutorGroup == Group);
        }
        if (!string.IsNullOrEmpty(Flag))
        {
            rows = rows.Where(r => r.Flags.Contains(Flag));
        }
        if (Below is { } below)
        {
            rows = rows.Where(r => r.AttendanceTerm < below);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            rows = rows.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.ExternalId.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        Rows = [.. rows];
        return Page();
    }
}

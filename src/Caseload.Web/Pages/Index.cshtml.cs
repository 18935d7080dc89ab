using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Overview;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages;

/// <summary>
/// The first page: tutor groups and students with attendance this year. Sign-in arrives with the staff web app;
/// until then only demo institutions (invented people) are shown, never a real school's students.
/// </summary>
public sealed class IndexModel(CaseloadDbContext db, GetInstitutionOverview overview, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Institution> Institutions { get; private set; } = [];
    public GetInstitutionOverview.Result? Overview { get; private set; }
    public bool HiddenRealData { get; private set; }

    public async Task OnGetAsync(string? institution, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var chosen = Institutions.FirstOrDefault(i => string.Equals(i.Code, institution, StringComparison.OrdinalIgnoreCase))
            ?? Institutions.FirstOrDefault(i => i.IsDemo) ?? Institutions.FirstOrDefault();
        if (chosen is null)
        {
            return;
        }
        if (!chosen.IsDemo)
        {
            HiddenRealData = true;
            return;
        }
        Overview = await overview.HandleAsync(chosen.Id, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
    }

    public static string Band(decimal? percent) => percent switch
    {
        null => "none",
        >= 95 => "good",
        >= 90 => "watch",
        _ => "low",
    };
}

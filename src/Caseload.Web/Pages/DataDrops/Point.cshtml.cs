using Caseload.Core.Data;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Drops = Caseload.Core.Features.DataDrops.DataDrops;

namespace Caseload.Web.Pages.DataDrops;

/// <summary>Senior staff: every class in a data point, teachers who have not finished first.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Security.Operation.SeeDataDropCompletion))]
public sealed class PointModel(CurrentViewer current, Drops drops, CaseloadDbContext db) : PageModel
{
    public Core.Domain.DataPoint Point { get; private set; } = null!;
    public IReadOnlyList<Drops.ClassLine> Classes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await current.ViewerAsync(ct) is not { } viewer || !viewer.May(Operation.SeeDataDropCompletion)
            || await db.DataPoints.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.InstitutionId == viewer.InstitutionId, ct) is not { } point)
        {
            return NotFound();
        }
        Point = point;
        Classes = await drops.ClassesAsync(viewer, id, everyone: true, ct);
        return Page();
    }
}

using System.Globalization;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Drops = Caseload.Core.Features.DataDrops.DataDrops;

namespace Caseload.Web.Pages.DataDrops;

/// <summary>
/// Data drops: every data point with how many grades are in; a teacher's classes for each open one; administrators open
/// new data points and close or reopen them. Nobody else has the page.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Security.Operation.UseDataDrops))]
public sealed class IndexModel(CurrentViewer current, Drops drops, CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public Viewer Viewer { get; private set; } = null!;
    public IReadOnlyList<Drops.PointLine> Points { get; private set; } = [];
    public Dictionary<int, IReadOnlyList<Drops.ClassLine>> MyClasses { get; } = [];
    public IReadOnlyList<(string Code, string Name)> Courses { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public List<string> CourseCodes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.ViewerAsync(ct) is not { } viewer || !viewer.May(Operation.UseDataDrops))
        {
            return NotFound();
        }
        await LoadAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (await current.ViewerAsync(ct) is not { } viewer)
        {
            return NotFound();
        }
        try
        {
            if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ValidationException("enter the data point's date, such as 2027-02-05");
            }
            var point = await drops.OpenAsync(viewer, viewer.InstitutionId, Name ?? "", date, CourseCodes, ct);
            Done = $"Data point '{point.Name}' is open for {point.Courses.Count} {(point.Courses.Count == 1 ? "course" : "courses")}. Teachers can now enter grades.";
            Name = Date = null;
            CourseCodes = [];
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        await LoadAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStateAsync(int id, bool open, CancellationToken ct)
    {
        if (await current.ViewerAsync(ct) is not { } viewer)
        {
            return NotFound();
        }
        try
        {
            await drops.SetOpenAsync(viewer, viewer.InstitutionId, id, open, ct);
        }
        catch (ValidationException)
        {
            return NotFound();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(Viewer viewer, CancellationToken ct)
    {
        Viewer = viewer;
        Points = await drops.ListAsync(viewer.InstitutionId, ct);
        if (viewer.May(Operation.EnterGrades) || viewer.May(Operation.ManageDataDrops))
        {
            foreach (var p in Points.Where(p => p.IsOpen))
            {
                MyClasses[p.Id] = await drops.ClassesAsync(viewer, p.Id, everyone: false, ct);
            }
        }
        if (viewer.May(Operation.ManageDataDrops))
        {
            Courses = [.. (await db.Courses.AsNoTracking().Where(c => c.InstitutionId == viewer.InstitutionId).OrderBy(c => c.Name)
                .Select(c => new { c.Code, c.Name }).ToListAsync(ct)).Select(c => (c.Code, c.Name))];
            Date ??= clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }
}

using Caseload.Core;
using Caseload.Core.Features.Cover;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Cover;

/// <summary>Cover for absent tutors: those who arrange it (senior tutors, progress leaders, senior leaders, administrators)
/// give a tutor's caseload or one group to someone for some days; whoever covers sees what they cover and until when.</summary>
public sealed class IndexModel(CurrentViewer current, ListCovers list, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListCovers.Line> Covers { get; private set; } = [];
    public IReadOnlyList<ArrangeCover.Tutor> Tutors { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Staff { get; private set; } = [];
    public bool MayArrange { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today => clock.Today();

    /// <summary>The tutor and, after a colon, one of their groups: "12" or "12:40".</summary>
    [BindProperty] public string? Whose { get; set; }
    [BindProperty] public int? CoverStaffId { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromServices] ArrangeCover arrange, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null || !viewer.May(Operation.ArrangeCover))
        {
            return NotFound();
        }
        try
        {
            var parts = (Whose ?? "").Split(':');
            if (!int.TryParse(parts[0], out var tutor))
            {
                throw new ValidationException("choose the tutor who is away");
            }
            int? group = parts.Length > 1 && int.TryParse(parts[1], out var g) ? g : null;
            await arrange.HandleAsync(viewer, new ArrangeCover.Request(tutor, CoverStaffId ?? throw new ValidationException("choose who covers"), group,
                From ?? throw new ValidationException("give the first day of the cover"), To ?? throw new ValidationException("give the last day of the cover")), ct);
            return Redirect("/cover");
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        await ShowAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(int id, [FromServices] ArrangeCover arrange, CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        await arrange.EndAsync(viewer, id, ct);
        return Redirect("/cover");
    }

    private async Task<bool> ShowAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return false;
        }
        Covers = await list.HandleAsync(viewer, ct);
        MayArrange = viewer.May(Operation.ArrangeCover);
        if (MayArrange)
        {
            Tutors = await ArrangeCover.TutorsForAsync(db, viewer, ct);
            Staff = [.. (await db.Staff.AsNoTracking().Where(s => s.InstitutionId == viewer.InstitutionId && s.Active)
                .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Select(s => new { s.Id, Name = s.LastName + ", " + s.FirstName }).ToListAsync(ct))
                .Select(s => (s.Id, s.Name))];
            From ??= Today;
            // The end of this school week (Friday; from a weekend, the Friday after it).
            To ??= Today.AddDays(((int)DayOfWeek.Friday - (int)Today.DayOfWeek + 7) % 7);
        }
        return true;
    }
}

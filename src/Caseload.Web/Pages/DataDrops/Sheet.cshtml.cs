using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Drops = Caseload.Core.Features.DataDrops.DataDrops;

namespace Caseload.Web.Pages.DataDrops;

/// <summary>
/// A teacher's grade sheet for one class at one data point: a row per student, grade, effort and comment, made to be
/// filled in from the keyboard (Tab moves along the row and on to the next student; typing a grade picks it). With
/// scripts on, each row is saved as soon as it changes; without, "Save grades" saves every row. Rows that are refused
/// say why, and nothing of that row is saved.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Security.Operation.UseDataDrops))]
public sealed class SheetModel(CurrentViewer current, Drops drops, AuditActor actor) : PageModel
{
    public Drops.Sheet Sheet { get; private set; } = null!;
    public Dictionary<int, string> Errors { get; } = [];
    public int SavedCount { get; private set; }
    public bool Posted { get; private set; }

    public sealed class EntryInput
    {
        public int EnrolmentId { get; set; }
        public string? Grade { get; set; }
        public int? Effort { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty] public List<EntryInput> Entries { get; set; } = [];

    /// <summary>One teaching group of the course (from the data drops page); none for the whole course.</summary>
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int courseId, CancellationToken ct)
    {
        if (await current.ViewerAsync(ct) is not { } viewer || await drops.SheetAsync(viewer, id, courseId, ct, NoBlank(Group)) is not { } sheet)
        {
            return NotFound();
        }
        Sheet = sheet;
        return Page();
    }

    /// <summary>Saves every row (the form without scripts).</summary>
    public async Task<IActionResult> OnPostAsync(int id, int courseId, CancellationToken ct)
    {
        if (await current.ViewerAsync(ct) is not { } viewer || await drops.SheetAsync(viewer, id, courseId, ct) is not { } before)
        {
            return NotFound();
        }
        var rows = before.Rows.ToDictionary(r => r.EnrolmentId);
        foreach (var e in Entries.Where(e => rows.ContainsKey(e.EnrolmentId)))
        {
            try
            {
                if (await drops.SaveAsync(viewer, id, new Drops.Entry(e.EnrolmentId, e.Grade, e.Effort, e.Comment), actor.Name, ct) is Drops.Saved.Saved or Drops.Saved.Cleared)
                {
                    SavedCount++;
                }
            }
            catch (ValidationException ex)
            {
                Errors[e.EnrolmentId] = Sentence(ex.Message);
            }
        }
        Posted = true;
        Sheet = (await drops.SheetAsync(viewer, id, courseId, ct, NoBlank(Group)) ?? await drops.SheetAsync(viewer, id, courseId, ct))!;
        return Page();
    }

    /// <summary>Saves one row (scripts on): answers JSON with what happened, 422 with the reason when refused.</summary>
    public async Task<IActionResult> OnPostRowAsync(int id, int courseId, [FromForm] EntryInput entry, CancellationToken ct)
    {
        if (await current.ViewerAsync(ct) is not { } viewer)
        {
            return NotFound();
        }
        try
        {
            var saved = await drops.SaveAsync(viewer, id, new Drops.Entry(entry.EnrolmentId, entry.Grade, entry.Effort, entry.Comment), actor.Name, ct);
            return saved == Drops.Saved.NotFound ? NotFound() : new JsonResult(new { status = saved.ToString().ToLowerInvariant() });
        }
        catch (ValidationException ex)
        {
            return new JsonResult(new { status = "refused", message = Sentence(ex.Message) }) { StatusCode = 422 };
        }
    }

    private static string Sentence(string message) => char.ToUpperInvariant(message[0]) + message[1..] + ".";

    private static string? NoBlank(string? group) => string.IsNullOrWhiteSpace(group) ? null : group;
}

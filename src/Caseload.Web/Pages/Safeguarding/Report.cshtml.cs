using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>Reporting a safeguarding concern about a student (anyone who sees them): what the designated lead needs —
/// when and where, who was there, the child's words, how they seemed, what it is about. A refusal keeps what was typed.</summary>
public sealed class ReportModel(CurrentViewer current, Core.Data.CaseloadDbContext db, SafeguardingCategories categories, TimeProvider clock) : PageModel
{
    public string Student { get; private set; } = "";
    public int StudentId { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today => clock.Today();

    [BindProperty] public Urgency Urgency { get; set; } = Urgency.Urgent;
    [BindProperty] public DateOnly? OccurredOn { get; set; }
    [BindProperty] public TimeOnly? OccurredAt { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Present { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? ChildsWords { get; set; }
    [BindProperty] public string? Demeanour { get; set; }
    [BindProperty] public List<string> Categories { get; set; } = [];
    /// <summary>Other children involved, as the list names them ("Name (group) [id]").</summary>
    [BindProperty] public List<string> Involved { get; set; } = [];
    /// <summary>The students the reporter can see, for the other-children list.</summary>
    public IReadOnlyList<string> StudentChoices { get; private set; } = [];

    /// <summary>The body map's rows (side, part of the body, what was seen).</summary>
    [BindProperty] public List<MarkRow> Marks { get; set; } = [];

    public sealed class MarkRow
    {
        public BodySide? Side { get; set; }
        public string? Region { get; set; }
        public string? Note { get; set; }
    }

    /// <summary>Rows the form offers for marks.</summary>
    public const int MarkRows = 4;

    /// <summary>The parts of the body for the script that turns a click on the outline into a row.</summary>
    public static string RegionsJson { get; } = System.Text.Json.JsonSerializer.Serialize(
        BodyMap.Regions.Select(r => new { name = r.Name, x = r.X, y = r.Y, only = r.Only?.ToString() }));

    /// <summary>The institution's categories.</summary>
    public IReadOnlyList<string> CategoryList { get; private set; } = [];

    /// <summary>How many other-children rows the form shows (up to the limit is accepted).</summary>
    public const int InvolvedRows = 3;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        OccurredOn = Today;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ReportSafeguardingConcern report, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var concern = await report.HandleAsync(scope, new ReportSafeguardingConcern.Request(id, Urgency, What ?? "", OccurredOn, OccurredAt, Place, Present,
                ChildsWords, Demeanour, Categories, [.. Marks.Take(Limits.SafeguardingMarks + 1).Select(m => new ReportSafeguardingConcern.Mark(m.Side, m.Region, m.Note))])
            {
                Involved = [.. Involved.Take(Limits.SafeguardingInvolved + 1)],
            }, ct);
            return concern is null ? NotFound() : Redirect($"/referrals/{concern.Id}?raised=true");
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var name = scope is null ? null : await scope.Visible(db).Where(s => s.Id == id)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        (Student, StudentId) = (name, id);
        while (Marks.Count < MarkRows)
        {
            Marks.Add(new MarkRow());
        }
        CategoryList = await categories.ForAsync(scope!.Viewer.InstitutionId, ct);
        while (Involved.Count < InvolvedRows)
        {
            Involved.Add("");
        }
        StudentChoices = [.. (await scope.Visible(db).Where(s => s.OnRoll && s.Id != id).OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Take(5000)
                .Select(s => new { Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, Group = s.TutorGroup == null ? null : s.TutorGroup.Code, s.ExternalId }).ToListAsync(ct))
            .Select(s => Core.Domain.Student.Choice(s.Name, s.Group, s.ExternalId))];
        return Page();
    }
}

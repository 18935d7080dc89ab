using System.Text.RegularExpressions;
using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Behaviour;

/// <summary>Recording an incident with every student involved in their role (from a student's page, or the daily log).</summary>
public sealed partial class IncidentModel(CurrentViewer current, Core.Features.Behaviour.RecordIncident record, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public sealed class InvolvedInput
    {
        /// <summary>As picked from the list: "Name (group) [student id]".</summary>
        public string? Student { get; set; }
        public IncidentRole Role { get; set; }
        public int Points { get; set; }
    }

    public IReadOnlyList<string> Choices { get; private set; } = [];
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public int? StudentId { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<InvolvedInput> Involved { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        On = clock.Today();
        var first = StudentId is { } id ? Choices.FirstOrDefault(c => c.EndsWith($"#{id}]", StringComparison.Ordinal)) : null;
        Involved = [new() { Student = first, Role = IncidentRole.Perpetrator, Points = -2 }, new() { Role = IncidentRole.Victim }, new() { Role = IncidentRole.Witness }, new() { Role = IncidentRole.Involved }];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || !await LoadAsync(ct))
        {
            return NotFound();
        }
        try
        {
            var involved = Involved.Where(i => !string.IsNullOrWhiteSpace(i.Student))
                .Select(i => new Core.Features.Behaviour.RecordIncident.Involved(IdOf(i.Student!), i.Role, i.Role == IncidentRole.Perpetrator ? i.Points : 0)).ToList();
            var id = await record.HandleAsync(scope, new Core.Features.Behaviour.RecordIncident.Request(
                On ?? throw new ValidationException("give the date of the incident"), Category ?? "", Description ?? "", Location, involved), ct);
            if (id is null)
            {
                return NotFound();
            }
            // From the log: back to it at the incident's day, where the new incident is whatever waits on other pages.
            return Redirect(StudentId is { } sid ? $"/students/{sid}#behaviour"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/behaviour/log?From={On:yyyy-MM-dd}&To={On:yyyy-MM-dd}"));
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return Page();
    }

    private static int IdOf(string choice) => IdPattern().Match(choice) is { Success: true } m
        ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
        : throw new ValidationException($"\"{choice}\" is not a student from the list; start typing a name and pick one");

    [GeneratedRegex(@"\[#(\d+)\]\s*$")]
    private static partial Regex IdPattern();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return false;
        }
        Choices = await scope.Visible(db).Where(s => s.OnRoll).OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName + " (" + (s.TutorGroup == null ? "no group" : s.TutorGroup.Code) + ") [#" + s.Id + "]")
            .ToListAsync(ct);
        return Choices.Count > 0;
    }
}

using Caseload.Core;
using Caseload.Core.Features.Students;
using Caseload.Core.Features.Targets;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Targets;

/// <summary>What the aspirational-target form shows: the student's courses with their targets, and after a refusal, why.</summary>
public sealed record AspirationForm(int StudentId, IReadOnlyList<GetStudentProfile.Subject> Subjects, int? Enrolment = null, string? Grade = null, string? Error = null);

/// <summary>Setting or clearing an aspirational target agreed with a student (those who see the pastoral record): the form
/// on the student's page posts here; a refusal shows it again with why.</summary>
public sealed class AspirationModel(CurrentViewer current, GetStudentProfile profiles, TimeProvider clock) : PageModel
{
    public AspirationForm Form { get; private set; } = null!;
    public string Student { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, null, null, null, ct);

    public async Task<IActionResult> OnPostAsync(int id, int enrolment, string? grade, [FromServices] SetAspirationalTarget aspirations,
        [FromServices] Core.Data.AuditActor actor, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await aspirations.HandleAsync(new SetAspirationalTarget.Request(scope, enrolment, grade, actor.Name), ct)
                ? Redirect($"/students/{id}#achievement") : NotFound();
        }
        catch (ValidationException e)
        {
            return await ShowAsync(id, enrolment, grade, Display.Sentence(e.Message), ct);
        }
    }

    private async Task<IActionResult> ShowAsync(int id, int? enrolment, string? grade, string? error, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var profile = scope is null ? null : await profiles.HandleAsync(scope, id, clock.Today(), GetStudentProfile.Sections.Grades, ct);
        if (profile is not { View: StudentView.Pastoral })
        {
            return NotFound();
        }
        Student = profile.Header.Name;
        Form = new AspirationForm(id, profile.Subjects, enrolment, grade, error);
        return Page();
    }
}

using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.CourseChanges;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.CourseChanges;

/// <summary>Requesting a course change for a student: the form, "Show the effect" (planned hours, funding band, day 42,
/// the maths and English condition) and "Send for authorisation".</summary>
[Authorize(Policy = nameof(Operation.RequestCourseChanges))]
public sealed class RequestModel(CurrentViewer current, Core.Data.CaseloadDbContext db, ChangeReasons reasons, RequestCourseChange request) : PageModel
{
    public string Student { get; private set; } = "";
    public IReadOnlyList<(string Code, string Name)> Current { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Others { get; private set; } = [];
    public IReadOnlyList<ChangeReason> Reasons { get; private set; } = [];
    public StudyProgramme.Effect? Effect { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public CourseChangeKind Kind { get; set; } = CourseChangeKind.Drop;
    [BindProperty] public string? FromCourse { get; set; }
    [BindProperty] public string? ToCourse { get; set; }
    [BindProperty] public int ReasonId { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public string? StudentView { get; set; }
    [BindProperty] public string? ParentView { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            Effect = await request.PreviewAsync(scope, AskFor(id), ct);
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var change = await request.HandleAsync(scope, AskFor(id), ct);
            return change is null ? NotFound() : Redirect($"/course-changes/{change.Id}?requested=true");
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await ShowAsync(id, ct);
    }

    private RequestCourseChange.Request AskFor(int id) => new(id, Kind, FromCourse, ToCourse, ReasonId, Details, StudentView, ParentView);

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var student = scope is null ? null : await scope.Pastoral(db).AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.InstitutionId, Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName }).FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return NotFound();
        }
        Student = student.Name;
        var active = await db.Enrolments.AsNoTracking().Where(e => e.StudentId == id && e.Status == EnrolmentStatus.Active)
            .OrderBy(e => e.Course!.Name).Select(e => new { e.Course!.Code, e.Course.Name }).ToListAsync(ct);
        Current = [.. active.Select(e => (e.Code, e.Name))];
        var codes = active.Select(e => e.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Others = [.. (await db.Courses.AsNoTracking().Where(c => c.InstitutionId == student.InstitutionId).OrderBy(c => c.Name)
            .Select(c => new { c.Code, c.Name, c.Qualification }).ToListAsync(ct)).Where(c => !codes.Contains(c.Code)).Select(c => (c.Code, $"{c.Name} ({c.Qualification})"))];
        Reasons = await reasons.ListAsync(student.InstitutionId, activeOnly: true, ct);
        return Page();
    }
}

using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.ParentContacts;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.ParentContacts;

/// <summary>What the "log a contact" form shows: the student's parents and carers to pick from, its values and, after a
/// refusal, why.</summary>
public sealed record LogContactForm(int StudentId, IReadOnlyList<string> People, DateOnly On, ContactMethod Method = ContactMethod.Call, bool Positive = false,
    string? With = null, string? Summary = null, string? Outcome = null, string? Error = null)
{
    /// <summary>A blank form: dated today, to the first of the student's parents and carers ("Name (relationship)").</summary>
    public static LogContactForm For(int studentId, IEnumerable<(string Name, string Relationship)> contacts, DateOnly today)
    {
        var people = contacts.Select(c => $"{c.Name} ({c.Relationship.ToLowerInvariant()})").ToList();
        return new LogContactForm(studentId, people, today, With: people.FirstOrDefault());
    }
}

/// <summary>Logging a contact with a student's parents or carers (those who see the pastoral record): the form on the
/// student's page posts here; a refusal shows the form again with what was typed and why.</summary>
public sealed class LogModel(CurrentViewer current, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public LogContactForm Form { get; private set; } = null!;
    public string Student { get; private set; } = "";

    [BindProperty] public ContactMethod ContactMethod { get; set; }
    [BindProperty] public bool ContactPositive { get; set; }
    [BindProperty] public string? ContactWith { get; set; }
    [BindProperty] public DateOnly? ContactOn { get; set; }
    [BindProperty] public string? ContactSummary { get; set; }
    [BindProperty] public string? ContactOutcome { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, null, ct);

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] LogParentContact log, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var logged = await log.HandleAsync(scope, new LogParentContact.Request(id, ContactMethod, ContactPositive, ContactWith ?? "",
                ContactOn ?? throw new ValidationException("give the date of the contact"), ContactSummary ?? "", ContactOutcome), ct);
            return logged is null ? NotFound() : Redirect($"/students/{id}#contacts");
        }
        catch (ValidationException e)
        {
            return await ShowAsync(id, Display.Sentence(e.Message), ct);
        }
    }

    private async Task<IActionResult> ShowAsync(int id, string? error, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var name = scope is null ? null : await scope.Pastoral(db).Where(s => s.Id == id)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        Student = name;
        var contacts = await db.StudentContacts.Where(c => c.StudentId == id && !c.NoContact).OrderBy(c => c.Priority).Select(c => new { c.Name, c.Relationship }).ToListAsync(ct);
        Form = LogContactForm.For(id, contacts.Select(c => (c.Name, c.Relationship)), clock.Today());
        if (error is not null)
        {
            Form = Form with
            {
                Method = ContactMethod,
                Positive = ContactPositive,
                With = ContactWith,
                On = ContactOn ?? Form.On,
                Summary = ContactSummary,
                Outcome = ContactOutcome,
                Error = error,
            };
        }
        return Page();
    }

}

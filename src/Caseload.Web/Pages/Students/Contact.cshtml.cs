using Caseload.Core;
using Caseload.Core.Features.Students;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Students;

/// <summary>Adding, changing or removing a student's parent or carer (staff who see the pastoral record). A refusal
/// shows the form again with what was typed and why; a lost race says who saved first.</summary>
public sealed class ContactModel(CurrentViewer current, Core.Data.CaseloadDbContext db) : PageModel
{
    public string Student { get; private set; } = "";
    public int StudentId { get; private set; }
    public int? ContactId { get; private set; }
    public bool FromMis { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Relationship { get; set; }
    [BindProperty] public bool ParentalResponsibility { get; set; } = true;
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public bool LivesWithStudent { get; set; }
    [BindProperty] public string? PreferredMethod { get; set; }
    [BindProperty] public bool NoContact { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string contact, CancellationToken ct)
    {
        if (!await LoadAsync(id, contact, ct))
        {
            return NotFound();
        }
        if (ContactId is { } cid && await db.StudentContacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) is { } c)
        {
            (Name, Relationship, ParentalResponsibility, Phone, Email, Address) = (c.Name, c.Relationship, c.ParentalResponsibility, c.Phone, c.Email, c.Address);
            (LivesWithStudent, PreferredMethod, NoContact, Version) = (c.LivesWithStudent, c.PreferredMethod, c.NoContact, c.Version);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string contact, [FromServices] SaveStudentContact save, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || !await LoadAsync(id, contact, ct))
        {
            return NotFound();
        }
        try
        {
            var saved = await save.HandleAsync(scope, new SaveStudentContact.Request(id, Name ?? "", Relationship ?? "", ParentalResponsibility, Phone, Email,
                Address, Postcode, LivesWithStudent, PreferredMethod, NoContact), ContactId, Version, ct);
            return saved is null ? NotFound() : Redirect($"/students/{id}#contacts");
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
            await OnGetAsync(id, contact, ct); // the latest version, as the message says
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string contact, [FromServices] SaveStudentContact save, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || !await LoadAsync(id, contact, ct) || ContactId is not { } cid)
        {
            return NotFound();
        }
        try
        {
            return await save.RemoveAsync(scope, id, cid, Version, ct) ? Redirect($"/students/{id}#contacts") : NotFound();
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
            await OnGetAsync(id, contact, ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, string contact, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var name = scope is null ? null : await scope.Pastoral(db).Where(s => s.Id == id)
            .Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return false;
        }
        (Student, StudentId) = (name, id);
        if (contact == "new")
        {
            return true;
        }
        if (!int.TryParse(contact, out var cid))
        {
            return false;
        }
        var held = await db.StudentContacts.AsNoTracking().Where(c => c.Id == cid && c.StudentId == id).Select(c => new { c.EnteredHere }).FirstOrDefaultAsync(ct);
        (ContactId, FromMis) = (cid, held is { EnteredHere: false });
        return held is not null;
    }
}

using Caseload.Core;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>One child's child-protection file on the move: prepare it for the next school (the pass-phrase shown once),
/// download the bundle and the PDF, record when and how it went and the acknowledgement, or record that none is sent;
/// and the files received for the child from earlier schools. The safeguarding team's, within a deputy's remit.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.ReadSafeguarding))]
public sealed class TransferModel(CurrentViewer current, TransferChildProtectionFile transfers, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    public int StudentId { get; private set; }
    public string Student { get; private set; } = "";
    public DateOnly? LeftOn { get; private set; }
    public string? LeavingReason { get; private set; }
    public IReadOnlyList<TransferChildProtectionFile.Sent> Sent { get; private set; } = [];
    public IReadOnlyList<TransferChildProtectionFile.Received> Received { get; private set; } = [];
    public TransferChildProtectionFile.ToSend? Due { get; private set; }
    public DateOnly Today => clock.Today();

    /// <summary>Just prepared: the pass-phrase, shown this once.</summary>
    public TransferChildProtectionFile.Prepared? Prepared { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Which form was refused ("prepare", "sent-N", "ack-N", "not-sent"), to open it again with what was typed.</summary>
    public string? ErrorForm { get; private set; }

    [BindProperty] public string? ToSchool { get; set; }
    [BindProperty] public string? ToPerson { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? By { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostPrepareAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            Prepared = await transfers.PrepareAsync(scope, id, ToSchool, ToPerson, ct);
            if (Prepared is null)
            {
                return NotFound();
            }
            Response.Headers.CacheControl = "no-store"; // the pass-phrase is on this page
        }
        catch (ValidationException e)
        {
            (Error, ErrorForm) = (Display.Sentence(e.Message), "prepare");
        }
        return await ShowAsync(id, ct);
    }

    public Task<IActionResult> OnPostSentAsync(int id, long transfer, CancellationToken ct) =>
        ChangeAsync(id, $"sent-{transfer}", (scope, c) => transfers.RecordSentAsync(scope, transfer, Version, On, Method, c), ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(int id, long transfer, CancellationToken ct) =>
        ChangeAsync(id, $"ack-{transfer}", (scope, c) => transfers.AcknowledgeAsync(scope, transfer, Version, By, On, Code, c), ct);

    public Task<IActionResult> OnPostNotSentAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, "not-sent", async (scope, c) => await transfers.RecordNotSentAsync(scope, id, Reason, c) is not null, ct);

    /// <summary>The bundle (<c>pdf=false</c>) or the PDF, as a download (audited).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, long transfer, bool pdf, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await transfers.DownloadAsync(scope, transfer, pdf, ct) is not { } file)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> ChangeAsync(int id, string form, Func<StudentScope, CancellationToken, Task<bool>> change, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            if (!await change((StudentScope)scope, ct))
            {
                return NotFound();
            }
            return Redirect($"/students/{id}/safeguarding/transfer");
        }
        catch (ValidationException e)
        {
            (Error, ErrorForm) = (Display.Sentence(e.Message), form);
        }
        catch (ConcurrencyException e)
        {
            (Error, ErrorForm) = (Display.Sentence(e.Message), form);
        }
        return await ShowAsync(id, ct);
    }

    /// <summary>What was typed into a refused form, so it is not lost.</summary>
    public string? Kept(string form, string? value) => ErrorForm == form ? value : null;

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await transfers.ForStudentAsync(scope, id, ct) is not var (sent, received, due))
        {
            return NotFound();
        }
        var student = await db.Students.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, s.LeftOn, s.LeavingReason }).FirstAsync(ct);
        (StudentId, Student, LeftOn, LeavingReason, Sent, Received, Due) = (id, student.Name, student.LeftOn, student.LeavingReason, sent, received, due);
        return Page();
    }
}

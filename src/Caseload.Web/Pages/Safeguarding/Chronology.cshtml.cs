using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>A child's safeguarding chronology, for the safeguarding team only: every concern with its details and every
/// decision and note, in the order things happened; the lead triages a concern and adds notes here.</summary>
// No policy attribute: a senior leader with an open break-glass reads it too (the use case decides; "not found" otherwise).
public sealed class ChronologyModel(CurrentViewer current, GetSafeguardingChronology chronology, ShareConcern share, TransferChildProtectionFile transfers, Core.Data.CaseloadDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>For the team: the child's files sent to a next school and received from earlier ones, and whether one is due.</summary>
    public (IReadOnlyList<TransferChildProtectionFile.Sent> Sent, IReadOnlyList<TransferChildProtectionFile.Received> Received, TransferChildProtectionFile.ToSend? Due)? Files { get; private set; }

    public GetSafeguardingChronology.Chronology Record { get; private set; } = null!;
    public string? Error { get; private set; }
    public DateOnly Today => clock.Today();

    /// <summary>Which concern the last refused form was about, so its error shows beside it.</summary>
    public long? ErrorConcern { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public SafeguardingDecision? Decision { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public long? Concern { get; set; }
    [BindProperty] public int? Owner { get; set; }
    [BindProperty] public DateOnly? Due { get; set; }
    [BindProperty] public bool Share { get; set; }
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public bool? Consent { get; set; }

    /// <summary>Which form of a concern was refused ("decision", "action", "agency", "close"), to open it again.</summary>
    public string? ErrorForm { get; private set; }

    /// <summary>Staff an action can be set for: this institution's, not left.</summary>
    public IReadOnlyList<(int Id, string Name)> Staff { get; private set; } = [];

    /// <summary>Trusted staff a concern can be shared with.</summary>
    public IReadOnlyList<(int Id, string Name)> Trusted { get; private set; } = [];

    /// <summary>"csv": the chronology as a spreadsheet (the safeguarding team's only, like the page).</summary>
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var page = await ShowAsync(id, ct);
        if (page is not PageResult || !string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return page;
        }
        if (Record.ReadOnly)
        {
            return NotFound(); // the download is the safeguarding team's alone
        }
        var csv = new MemoryStream();
        Core.Exports.TableExport.WriteCsv(csv, [new Core.Exports.ExportTable("Safeguarding chronology",
            ["Happened", "Time", "What", "About", "Text", "Child's words", "Where", "Also there", "How the child seemed", "Recorded (UTC)", "By", "Owner", "Due or review", "Done", "Done note", "Reference", "Consent"],
            [.. Record.Lines.Select(l => l.Concern is { } c
                ? (IReadOnlyList<object?>)[c.OccurredOn.ToString("yyyy-MM-dd", Inv), c.OccurredAt?.ToString("HH:mm", Inv), "Concern reported", string.Join(", ", c.Categories), c.What,
                    c.ChildsWords, c.Place, c.Present, c.Demeanour, c.RaisedAt.ToString("yyyy-MM-dd HH:mm", Inv), c.RaisedBy, null, null, null, null, null, null]
                : [l.Entry!.OccurredOn.ToString("yyyy-MM-dd", Inv), null, l.Entry.Kind.ToString(), l.Entry.Decision is { } d ? Describe(d) : l.Entry.Agency, l.Entry.Text,
                    null, null, null, null, l.Entry.RecordedAt.ToString("yyyy-MM-dd HH:mm", Inv), l.Entry.By, l.Entry.Owner, l.Entry.DueOn?.ToString("yyyy-MM-dd", Inv),
                    l.Entry.DoneAt?.ToString("yyyy-MM-dd HH:mm", Inv), l.Entry.DoneNote, l.Entry.Reference, l.Entry.Consent switch { true => "yes", false => "no", _ => null }])])]);
        Response.Headers.CacheControl = "no-store";
        return File(csv.ToArray(), "text/csv; charset=utf-8", $"safeguarding-chronology-{id}-{Today:yyyyMMdd}.csv");
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    public Task<IActionResult> OnPostTriageAsync(int id, long concern, [FromServices] TriageConcern triage, CancellationToken ct) =>
        ActAsync(id, concern, "decision", (scope, c) => triage.HandleAsync(scope, concern, Version, Decision, Text, c), ct);

    public Task<IActionResult> OnPostActionAsync(int id, long concern, [FromServices] AddSafeguardingAction add, CancellationToken ct) =>
        ActAsync(id, concern, "action", async (scope, c) => await add.HandleAsync(scope, new AddSafeguardingAction.Request(concern, Owner, Due, Text, Share), c) is not null, ct);

    public Task<IActionResult> OnPostAgencyAsync(int id, long concern, [FromServices] RecordAgencyReferral record, CancellationToken ct) =>
        ActAsync(id, concern, "agency", (scope, c) => record.HandleAsync(scope, new RecordAgencyReferral.Request(concern, Agency, On, Reference, Consent, Text), c), ct);

    public Task<IActionResult> OnPostCloseAsync(int id, long concern, [FromServices] CloseConcern close, CancellationToken ct) =>
        ActAsync(id, concern, "close", (scope, c) => close.HandleAsync(scope, concern, Version, Text, Due, c), ct);

    public Task<IActionResult> OnPostNoteAsync(int id, [FromServices] AddSafeguardingNote note, CancellationToken ct) =>
        ActAsync(id, null, "note", (scope, c) => note.HandleAsync(scope, id, Concern, On, Text, c), ct);

    public Task<IActionResult> OnPostSeenAsync(int id, long opening, [FromServices] BreakGlass breakGlass, CancellationToken ct) =>
        ActAsync(id, null, "seen", (scope, c) => breakGlass.MarkSeenAsync(scope, opening, c), ct);

    public Task<IActionResult> OnPostShareAsync(int id, long concern, [FromServices] ShareConcern share, CancellationToken ct) =>
        ActAsync(id, concern, "share", (scope, c) => share.HandleAsync(scope, concern, Owner, c), ct);

    public Task<IActionResult> OnPostAttachAsync(int id, long concern, IFormFile? file, [FromServices] SafeguardingAttachments attachments, CancellationToken ct) =>
        ActAsync(id, concern, "attach", async (scope, c) =>
        {
            if (file is null)
            {
                throw new ValidationException("choose a file to attach");
            }
            await using var stream = file.OpenReadStream();
            return await attachments.AddAsync(scope, concern, file.FileName, stream, c) is not null;
        }, ct);

    /// <summary>Opens a file kept with a concern (the team's; audited), as a download.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, long attachment, [FromServices] SafeguardingAttachments attachments, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await attachments.OpenAsync(scope, attachment, ct) is not { } file)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostLinkAsync(int id, long involvement, [FromServices] LinkInvolvedChild link, CancellationToken ct) =>
        ActAsync(id, null, "link", (scope, c) => link.HandleAsync(scope, involvement, c), ct);

    public Task<IActionResult> OnPostMonitoringAsync(int id, [FromServices] ReviewMonitoring review, CancellationToken ct) =>
        ActAsync(id, null, "monitoring", (scope, c) => review.HandleAsync(scope, id, Due, Text, c), ct);

    private async Task<IActionResult> ActAsync(int id, long? concern, string form, Func<StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await act((StudentScope)scope, ct) ? Redirect($"/students/{id}/safeguarding#{(concern is { } c ? $"concern-{c}" : form == "note" ? "add-note" : form == "seen" ? "openings" : "monitoring")}") : NotFound();
        }
        catch (ConcurrencyException e)
        {
            Error = e.Message;
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        (ErrorConcern, ErrorForm) = (concern, form);
        return await ShowAsync(id, ct, keep: true);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct, bool keep = false)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await chronology.HandleAsync(scope, id, ct) is not { } record)
        {
            return NotFound();
        }
        Record = record;
        var today = Today;
        Staff = [.. (await db.Staff.AsNoTracking().Where(s => s.InstitutionId == scope.Viewer.InstitutionId && (s.LeftOn == null || s.LeftOn >= today))
                .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name))];
        Trusted = await share.TrustedAsync(scope.Viewer, ct);
        Files = record.Access == ChronologyAccess.Team ? await transfers.ForStudentAsync(scope, id, ct) : null;
        if (!keep)
        {
            ModelState.Clear();
        }
        return Page();
    }

    /// <summary>Whether this form (of this concern) was the one refused: it opens again, with what was typed.</summary>
    public bool Refused(long? concern, string form) => Error is not null && ErrorConcern == concern && ErrorForm == form;

    /// <summary>What was typed into a refused form, or nothing for every other form.</summary>
    public string? Kept(long? concern, string form, string? value) => Refused(concern, form) ? value : null;

    public static string Describe(SafeguardingDecision decision) => decision switch
    {
        SafeguardingDecision.Monitor => "Monitor: record and watch for more",
        SafeguardingDecision.SupportInSchool => "Support in school",
        SafeguardingDecision.EarlyHelp => "Early Help (with the family's consent)",
        SafeguardingDecision.ChildrensSocialCare => "Refer to children's social care",
        SafeguardingDecision.Police => "Refer to the police",
        _ => "Prevent referral",
    };
}

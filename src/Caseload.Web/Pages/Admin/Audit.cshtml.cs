using Caseload.Core.Domain;
using Caseload.Core.Features.Audit;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Admin;

/// <summary>
/// The audit log: administrators see it all but the entries about safeguarding concerns, which only the safeguarding
/// team sees (SearchAudit decides); for anyone else the page does not exist.
/// </summary>
public sealed class AuditModel(CurrentViewer current, SearchAudit search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Student { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<SearchAudit.Line> Lines { get; private set; } = [];
    /// <summary>The safeguarding team without the administrators' log: only the entries about safeguarding concerns.</summary>
    public bool SafeguardingOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var lines = scope is null ? null : await search.HandleAsync(new SearchAudit.Request(scope.Viewer, Actor, Entity, Action, Student, From, To), ct);
        if (lines is null)
        {
            return NotFound();
        }
        Lines = lines;
        SafeguardingOnly = !Core.Security.Permissions.May(scope!.Viewer, Core.Security.Operation.SearchAuditLog);
        return Page();
    }
}

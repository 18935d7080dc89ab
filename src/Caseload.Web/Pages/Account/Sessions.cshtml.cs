using Caseload.Core.Features.Sessions;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Account;

/// <summary>Where a member of staff is signed in, and a way to end any of it at once (a shared computer left signed in).</summary>
public sealed class SessionsModel(UserSessions sessions) : PageModel
{
    public IReadOnlyList<UserSessions.Line> Sessions { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (WebSecurity.UserId(User) is not { } user)
        {
            return NotFound();
        }
        Sessions = await sessions.ListAsync(user, WebSecurity.SessionId(User) ?? Guid.Empty, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid session, CancellationToken ct)
    {
        if (WebSecurity.UserId(User) is not { } user || session == WebSecurity.SessionId(User))
        {
            return NotFound(); // this session ends with "Sign out"
        }
        Done = await sessions.EndAsync(user, session, "ended from another session", ct) ? "That session has ended." : "That session had already ended.";
        return await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct)
    {
        if (WebSecurity.UserId(User) is not { } user)
        {
            return NotFound();
        }
        var ended = await sessions.EndAllAsync(user, "ended from another session", WebSecurity.SessionId(User), ct);
        Done = ended == 1 ? "1 other session has ended." : $"{ended} other sessions have ended.";
        return await OnGetAsync(ct);
    }
}

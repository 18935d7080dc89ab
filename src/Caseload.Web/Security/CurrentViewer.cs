using System.Globalization;
using Caseload.Core.Security;

namespace Caseload.Web.Security;

/// <summary>The signed-in member of staff as the core sees them, with their student scope, loaded once per request.</summary>
public sealed class CurrentViewer(IHttpContextAccessor http, ViewerCache viewers, TimeProvider clock)
{
    private Viewer? _viewer;
    private bool _viewerLoaded;
    private StudentScope? _scope;

    /// <summary>Who is signed in, with their roles as the database has them now (<see cref="ViewerCache"/>); null when nobody (or an inactive member of staff).</summary>
    public async Task<Viewer?> ViewerAsync(CancellationToken ct)
    {
        if (_viewerLoaded)
        {
            return _viewer;
        }
        _viewerLoaded = true;
        var claim = http.HttpContext?.User.FindFirst(WebSecurity.StaffIdClaim)?.Value;
        if (claim is null || !int.TryParse(claim, NumberStyles.None, CultureInfo.InvariantCulture, out var staffId))
        {
            return null;
        }
        (_viewer, _scope) = await viewers.ForAsync(staffId, Core.Shared.SchoolClock.Today(clock), ct);
        return _viewer;
    }

    /// <summary>Null when nobody is signed in or the member of staff is no longer active.</summary>
    public async Task<StudentScope?> ScopeAsync(CancellationToken ct)
    {
        if (_scope is not null)
        {
            return _scope;
        }
        await ViewerAsync(ct);
        return _scope;
    }
}

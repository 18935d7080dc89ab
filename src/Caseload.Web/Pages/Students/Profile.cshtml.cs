using Caseload.Core.Features.Students;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Students;

/// <summary>A student's profile. A student the viewer may not see is "not found", exactly like one that does not exist.</summary>
public sealed class ProfileModel(CurrentViewer current, GetStudentProfile profiles, TimeProvider clock) : PageModel
{
    public GetStudentProfile.Profile Profile { get; private set; } = null!;

    /// <summary>The timeline filter: one kind of entry, or everything.</summary>
    [BindProperty(SupportsGet = true)] public GetStudentProfile.TimelineKind? Show { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var scope = await current.ScopeAsync(ct);
        var profile = scope is null ? null : await profiles.HandleAsync(scope, id, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        if (profile is null)
        {
            return NotFound();
        }
        Profile = profile;
        return Page();
    }

    public static string Describe(GetStudentProfile.TimelineKind kind) => kind switch
    {
        GetStudentProfile.TimelineKind.Behaviour => "Behaviour",
        GetStudentProfile.TimelineKind.DataDrop => "Grade at a data drop",
        _ => "Attendance alert",
    };

    public static string Meaning(Caseload.Core.Domain.AttendanceMeaning m) => m switch
    {
        Caseload.Core.Domain.AttendanceMeaning.Present => "present",
        Caseload.Core.Domain.AttendanceMeaning.ApprovedActivity => "approved educational activity",
        Caseload.Core.Domain.AttendanceMeaning.AuthorisedAbsence => "authorised absence",
        Caseload.Core.Domain.AttendanceMeaning.UnauthorisedAbsence => "unauthorised absence",
        Caseload.Core.Domain.AttendanceMeaning.NotPossible => "not a possible session",
        _ => "administrative",
    };
}

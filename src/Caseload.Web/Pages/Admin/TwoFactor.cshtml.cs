using Caseload.Core.Domain;
using Caseload.Core.Features.Users;
using Caseload.Core.Security;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Admin;

/// <summary>Administrators choose which roles must use two-factor sign-in; for anyone else the page does not exist.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Security.Operation.ManageTwoFactorPolicy))]
public sealed class TwoFactorModel(CurrentViewer current, TwoFactorSettings settings) : PageModel
{
    public IReadOnlySet<string> Chosen { get; private set; } = new HashSet<string>();
    public bool Saved { get; private set; }

    [BindProperty] public List<string> Roles { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        var chosen = viewer is null ? null : await settings.GetAsync(viewer, ct);
        if (chosen is null)
        {
            return NotFound();
        }
        Chosen = chosen;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null || !await settings.SetAsync(viewer, Roles.Where(r => Core.Domain.Roles.Normalise(r) is not null), ct))
        {
            return NotFound();
        }
        Chosen = (await settings.GetAsync(viewer, ct))!;
        Saved = true;
        return Page();
    }

    public static bool Locked(string role) => TwoFactorPolicy.AlwaysRequired.Contains(role);

    public static string Describe(string role) => role switch
    {
        Core.Domain.Roles.Administrator => "Administrator",
        Core.Domain.Roles.SeniorLeader => "Senior leader",
        Core.Domain.Roles.ProgressLeader => "Progress leader",
        Core.Domain.Roles.SeniorTutor => "Senior tutor",
        Core.Domain.Roles.Tutor => "Tutor",
        Core.Domain.Roles.SubjectTeacher => "Subject teacher",
        Core.Domain.Roles.SafeguardingLead => "Safeguarding lead",
        Core.Domain.Roles.Wellbeing => "Wellbeing",
        Core.Domain.Roles.LearningSupport => "Learning support",
        Core.Domain.Roles.Careers => "Careers",
        _ => "Student services",
    };
}

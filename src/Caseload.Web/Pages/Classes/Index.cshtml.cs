using Caseload.Core;
using Caseload.Core.Features.Behaviour;
using Caseload.Core.Features.Classes;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Classes;

/// <summary>
/// My classes: a subject teacher's class lists, each student one click from their page, a concern or an incident, and a
/// reward for the ticked students of a class at once. The landing page of staff who only teach.
/// </summary>
public sealed class IndexModel(CurrentViewer current, GetMyClasses classes, Core.Features.SupportPlans.SupportPlanStrategies strategies, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GetMyClasses.Class> Classes { get; private set; } = [];
    public IReadOnlyDictionary<int, IReadOnlyList<Core.Features.SupportPlans.SupportPlanStrategies.Strategy>> Strategies { get; private set; } =
        new Dictionary<int, IReadOnlyList<Core.Features.SupportPlans.SupportPlanStrategies.Strategy>>();
    public string? Error { get; private set; }
    public string? ErrorClass { get; private set; }
    [BindProperty(SupportsGet = true)] public int? Rewarded { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.ViewerAsync(ct);
        if (viewer is null)
        {
            return NotFound();
        }
        Classes = await classes.HandleAsync(viewer, clock.Today(), ct);
        // "Support plan in place": the strategies the plans' owners share with teachers, never the plans.
        Strategies = await strategies.ForStudentsAsync([.. Classes.SelectMany(c => c.Students).Select(s => s.StudentId).Distinct()], ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRewardAsync(string course, List<int> students, string? category, int points, string? note,
        [FromServices] GiveRewards rewards, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var given = await rewards.HandleAsync(scope, students, category ?? "", points, note, ct);
            return given is null ? NotFound() : Redirect($"/classes?rewarded={given}");
        }
        catch (ValidationException e)
        {
            (Error, ErrorClass) = (Display.Sentence(e.Message), course);
        }
        return await OnGetAsync(ct);
    }

    /// <summary>A grade against target in words: "2 above", "on target", "1 below".</summary>
    public static string Against(int? gap) => gap switch
    {
        null => "–",
        0 => "On target",
        > 0 => $"{gap} above",
        _ => $"{-gap} below",
    };
}

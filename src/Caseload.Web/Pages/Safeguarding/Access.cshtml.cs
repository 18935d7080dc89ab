using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>The designated safeguarding lead names deputies and trusted staff, with their limits.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.ManageSafeguardingAccess))]
public sealed class AccessModel(CurrentViewer current, SafeguardingAccessLevels levels, SafeguardingCategories categoryList) : PageModel
{
    public IReadOnlyList<SafeguardingAccessLevels.Holder> Holders { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Candidates { get; private set; } = [];
    public IReadOnlyList<string> CategoryOptions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> YearGroupOptions { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The member of staff whose level the form changes (from "Change"), or the one just chosen.</summary>
    [BindProperty(SupportsGet = true)] public int? Staff { get; set; }
    [BindProperty] public SafeguardingLevel? Level { get; set; }
    [BindProperty] public List<string> Categories { get; set; } = [];
    [BindProperty] public List<int> YearGroups { get; set; } = [];
    [BindProperty] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    /// <summary>The holder being changed, when the form is for someone who has a level.</summary>
    public SafeguardingAccessLevels.Holder? Editing => Holders.FirstOrDefault(h => h.StaffId == Staff && h.Level != SafeguardingLevel.Lead);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Editing is { } h)
        {
            (Level, Categories, YearGroups, Version) = (h.Level, [.. h.Categories ?? []], [.. h.YearGroupIds ?? []], h.Version);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        if (Categories.Count > Limits.SafeguardingCategoryList || YearGroups.Count > 40)
        {
            Error = "Too many categories or year groups chosen.";
        }
        else if (Staff is not { } staff || Level is not { } level)
        {
            Error = "Choose a member of staff and a level.";
        }
        else
        {
            try
            {
                if (await levels.GrantAsync(scope.Viewer, new(staff, level, Categories, YearGroups, Version), ct))
                {
                    return Redirect("/safeguarding/access?done=saved");
                }
                return NotFound();
            }
            catch (ValidationException e)
            {
                Error = Display.Sentence(e.Message);
            }
            catch (ConcurrencyException e)
            {
                Error = Display.Sentence(e.Message);
            }
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int staff, int version, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await levels.RemoveAsync(scope.Viewer, staff, version, ct) ? Redirect("/safeguarding/access?done=removed") : NotFound();
        }
        catch (ConcurrencyException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null || await levels.ListAsync(scope.Viewer, ct) is not { } holders)
        {
            return false;
        }
        Holders = holders;
        Candidates = await levels.CandidatesAsync(scope.Viewer, ct);
        CategoryOptions = await categoryList.ForAsync(scope.Viewer.InstitutionId, ct);
        YearGroupOptions = await levels.YearGroupOptionsAsync(scope.Viewer, ct);
        return true;
    }
}

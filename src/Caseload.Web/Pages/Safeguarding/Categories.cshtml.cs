using Caseload.Core;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Safeguarding;

/// <summary>The safeguarding team's list of categories, one a line: the lead's to edit.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Operation.ReadSafeguarding))]
public sealed class CategoriesModel(CurrentViewer current, SafeguardingCategories categories) : PageModel
{
    [BindProperty] public string? Names { get; set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    /// <summary>The lead edits the list; deputies read it.</summary>
    public bool Edits { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Names = string.Join('\n', await categories.ForAsync(scope.Viewer.InstitutionId, ct));
        Edits = scope.Viewer.May(Operation.ManageSafeguardingAccess);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Edits = scope.Viewer.May(Operation.ManageSafeguardingAccess);
        if ((Names?.Length ?? 0) > Core.Domain.Limits.SafeguardingCategoryList * (Core.Domain.Limits.SafeguardingCategoryName + 2))
        {
            Error = "The list is too long; expected at most " + Core.Domain.Limits.SafeguardingCategoryList + " categories, one a line.";
            return Page();
        }
        try
        {
            return await categories.SaveAsync(scope.Viewer, (Names ?? "").Split('\n'), ct) ? Redirect("/safeguarding/categories?saved=true") : NotFound();
        }
        catch (ValidationException e)
        {
            Error = Display.Sentence(e.Message);
        }
        return Page();
    }
}

using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// Anyone who may see a student reports a safeguarding concern with what the designated lead needs to act on it: when
/// and where it happened, who was there, the child's own words, how they seemed, and what it is about. It is a restricted
/// referral to the safeguarding team (<see cref="RaiseReferral"/>) with its <see cref="SafeguardingDetails"/>, saved
/// together or not at all; the reporter keeps a receipt without the words.
/// </summary>
public sealed class ReportSafeguardingConcern(RaiseReferral raise, ReferralAccess access, SafeguardingCategories categoryList, TimeProvider clock)
{
    /// <param name="What">What happened or what was seen, in the reporter's words.</param>
    /// <param name="ChildsWords">What the child said, as they said it.</param>
    public sealed record Request(int StudentId, Urgency Urgency, string What, DateOnly? OccurredOn, TimeOnly? OccurredAt, string? Place, string? Present,
        string? ChildsWords, string? Demeanour, IReadOnlyList<string> Categories);

    /// <returns>The concern, or null when the viewer may not see the student.</returns>
    public async Task<Referral?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var today = clock.Today();
        var on = request.OccurredOn ?? throw new ValidationException("give the date it happened (or was seen or disclosed)");
        if (on > today)
        {
            throw new ValidationException($"the date it happened ({on:d MMMM yyyy}) is in the future; expected today or before");
        }
        if (on < today.AddYears(-Limits.SafeguardingYearsBack))
        {
            throw new ValidationException($"the date it happened ({on:d MMMM yyyy}) is more than {Limits.SafeguardingYearsBack} years ago; record older history as a note in the chronology");
        }
        var categories = request.Categories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (categories.Count == 0)
        {
            throw new ValidationException("choose at least one category: what the concern is about");
        }
        if (categories.Count > Limits.SafeguardingCategories)
        {
            throw new ValidationException($"{categories.Count} categories chosen; expected at most {Limits.SafeguardingCategories}");
        }
        var known = await categoryList.ForAsync(scope.Viewer.InstitutionId, ct);
        foreach (var c in categories)
        {
            if (!known.Contains(c, StringComparer.OrdinalIgnoreCase))
            {
                throw new ValidationException($"'{FreeText.Short(c)}' is not one of the categories; expected one of the list on the form");
            }
        }
        var details = new SafeguardingDetails
        {
            OccurredOn = on,
            OccurredAt = request.OccurredAt,
            Place = FreeText.Optional(request.Place, "where it happened", Limits.SafeguardingPlace),
            Present = FreeText.Optional(request.Present, "who was present", Limits.SafeguardingPresent),
            ChildsWords = FreeText.Optional(request.ChildsWords, "the child's words"),
            Demeanour = FreeText.Optional(request.Demeanour, "how the child seemed", Limits.SafeguardingDemeanour),
            Categories = string.Join('\n', categories.Select(c => known.First(k => string.Equals(k, c, StringComparison.OrdinalIgnoreCase)))),
        };
        return await raise.HandleAsync(scope, new RaiseReferral.Request(request.StudentId, ReferralCategory.Safeguarding, request.Urgency, request.What), ct,
            referral =>
            {
                details.ReferralId = referral.Id;
                details.InstitutionId = referral.InstitutionId;
                details.StudentId = referral.StudentId;
                access.Db.SafeguardingDetails.Add(details);
                return Task.CompletedTask;
            });
    }
}

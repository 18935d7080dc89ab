using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

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
        string? ChildsWords, string? Demeanour, IReadOnlyList<string> Categories, IReadOnlyList<Mark>? Marks = null)
    {
        /// <summary>Other children involved, by their MIS id (as the form's list gives them).</summary>
        public IReadOnlyList<string> Involved { get; init; } = [];
    }

    /// <summary>A mark on the body map: the side, the part of the body (<see cref="BodyMap.Regions"/>) and what was seen.</summary>
    public sealed record Mark(BodySide? Side, string? Region, string? Note);

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
        var marks = new List<SafeguardingBodyMark>();
        var given = (request.Marks ?? []).Where(m => m.Side is not null || !string.IsNullOrWhiteSpace(m.Region) || !string.IsNullOrWhiteSpace(m.Note)).ToList();
        if (given.Count > Limits.SafeguardingMarks)
        {
            throw new ValidationException($"{given.Count} marks on the body map; expected at most {Limits.SafeguardingMarks}");
        }
        for (var i = 0; i < given.Count; i++)
        {
            var m = given[i];
            if (m.Side is not { } side || !Enum.IsDefined(side))
            {
                throw new ValidationException($"body map mark {i + 1}: choose the front or the back");
            }
            var region = BodyMap.Find(side, m.Region)
                ?? throw new ValidationException($"body map mark {i + 1}: '{FreeText.Short(m.Region ?? "")}' is not a part of the {side.ToString().ToLowerInvariant()} of the body; expected a part from the list (or a click on the outline)");
            marks.Add(new SafeguardingBodyMark
            {
                Side = side,
                Region = region.Name,
                Note = FreeText.Required(m.Note, $"what was seen at mark {i + 1} ({region.Name.ToLowerInvariant()})", Limits.SafeguardingMarkNote),
            });
        }
        var involved = await InvolvedAsync(scope, request, ct);
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
                foreach (var mark in marks)
                {
                    (mark.ReferralId, mark.InstitutionId, mark.StudentId) = (referral.Id, referral.InstitutionId, referral.StudentId);
                }
                access.Db.SafeguardingBodyMarks.AddRange(marks);
                access.Db.SafeguardingInvolvements.AddRange(involved.Select(id => new SafeguardingInvolvement
                {
                    InstitutionId = referral.InstitutionId,
                    ReferralId = referral.Id,
                    StudentId = id,
                }));
                return Task.CompletedTask;
            });
    }

    /// <summary>The other children named, each a student the reporter can see and not the child the concern is about.</summary>
    private async Task<List<int>> InvolvedAsync(StudentScope scope, Request request, CancellationToken ct)
    {
        var named = request.Involved.Select(Student.ExternalIdIn).Where(x => x is not null).Select(x => x!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unreadable = request.Involved.FirstOrDefault(x => !string.IsNullOrWhiteSpace(x) && Student.ExternalIdIn(x) is null);
        if (unreadable is not null)
        {
            throw new ValidationException($"'{FreeText.Short(unreadable.Trim())}' is not a student from the list; choose other children involved from the list as you type");
        }
        if (named.Count > Limits.SafeguardingInvolved)
        {
            throw new ValidationException($"{named.Count} other children named; expected at most {Limits.SafeguardingInvolved} (record more in a note)");
        }
        var ids = new List<int>();
        foreach (var externalId in named)
        {
            var id = await scope.Visible(access.Db).Where(s => s.ExternalId == externalId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
                ?? throw new ValidationException($"{externalId} is not a student you can see; choose other children involved from the list as you type");
            if (id == request.StudentId)
            {
                throw new ValidationException("the child the concern is about is named among the other children involved; name only the others");
            }
            ids.Add(id);
        }
        return ids;
    }
}

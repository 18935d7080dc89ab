using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Wellbeing;

/// <summary>
/// The wellbeing team's own staged procedure (decision 0018), the shape of the pastoral one: each stage has the role
/// that owns a case at it and how often it is reviewed. Counselling is owned by a counsellor.
/// </summary>
public static class WellbeingStages
{
    public sealed record Stage(int Number, string Name, string OwnerRole, int ReviewDays, string About);

    public static readonly IReadOnlyList<Stage> All =
    [
        new(1, "Check-in", Roles.Wellbeing, 14, "a first conversation and check-ins"),
        new(2, "Support sessions", Roles.Wellbeing, 14, "regular sessions with a wellbeing practitioner"),
        new(3, "Counselling", Roles.Counsellor, 28, "sessions with a counsellor, whose notes only counsellors read"),
        new(4, "Outside service", Roles.Wellbeing, 28, "referred on (CAMHS, the GP, a charity); the team keeps in touch"),
    ];

    public static Stage Of(int number) => All.FirstOrDefault(s => s.Number == number)
        ?? throw new ValidationException($"there is no wellbeing stage {number}; expected one of {string.Join(", ", All.Select(s => $"{s.Number} ({s.Name})"))}");

    /// <summary>Whether a member of staff may own a case at the stage: still here, of the institution, holding its role (a
    /// counsellor counts as the wellbeing team). Refused with why otherwise.</summary>
    internal static async Task<string> CheckOwnerAsync(CaseloadDbContext db, Viewer viewer, int staffId, Stage stage, DateOnly today, CancellationToken ct)
    {
        var owner = await db.Staff.AsNoTracking().Where(s => s.Id == staffId && s.InstitutionId == viewer.InstitutionId)
            .Select(s => new { Name = s.FirstName + " " + s.LastName, s.Active, s.LeftOn, Roles = s.Roles.Select(r => r.Role).ToList() }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException("choose who owns the case from the wellbeing team");
        if (!owner.Active || owner.LeftOn < today)
        {
            throw new ValidationException($"{owner.Name} has left; choose someone who is still here");
        }
        var holds = stage.OwnerRole == Roles.Counsellor ? owner.Roles.Contains(Roles.Counsellor) : owner.Roles.Contains(Roles.Wellbeing) || owner.Roles.Contains(Roles.Counsellor);
        if (!holds)
        {
            throw new ValidationException(stage.OwnerRole == Roles.Counsellor
                ? $"stage {stage.Number} ({stage.Name}) is owned by a counsellor, and {owner.Name} is not one"
                : $"{owner.Name} is not in the wellbeing team; choose one of the team");
        }
        return owner.Name;
    }

    /// <summary>The team's staff who may own a case at a stage (for the forms).</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> OwnersAsync(CaseloadDbContext db, Viewer viewer, Stage? stage, DateOnly today, CancellationToken ct)
    {
        var roles = stage?.OwnerRole == Roles.Counsellor ? new[] { Roles.Counsellor } : [Roles.Wellbeing, Roles.Counsellor];
        return [.. (await db.Staff.AsNoTracking()
                .Where(s => s.InstitutionId == viewer.InstitutionId && s.Active && (s.LeftOn == null || s.LeftOn >= today) && s.Roles.Any(r => roles.Contains(r.Role)))
                .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name))];
    }
}

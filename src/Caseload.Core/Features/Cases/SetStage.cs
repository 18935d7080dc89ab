using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cases;

/// <summary>Changes (or adds) one stage of an institution's procedure; the rest are kept (the defaults are stored first).</summary>
public static class SetStage
{
    public static readonly IReadOnlyList<string> Owners = [Roles.Tutor, Roles.SeniorTutor, Roles.ProgressLeader, Roles.SeniorLeader];

    public static async Task<IReadOnlyList<InterventionStage>> HandleAsync(CaseloadDbContext db, int institutionId, int number, string? name, string? owner, string? with,
        int? reviewDays, CancellationToken ct = default)
    {
        if (number is < 1 or > 9)
        {
            throw new ValidationException($"stage {number}: expected a number from 1 to 9");
        }
        if (owner is not null && !Owners.Contains(owner))
        {
            throw new ValidationException($"owner '{owner}' is not a role that can own a stage; expected one of {string.Join(", ", Owners)}");
        }
        if (reviewDays is < 1 or > 120)
        {
            throw new ValidationException($"review every {reviewDays} days: expected 1 to 120");
        }
        if (!await db.InterventionStages.AnyAsync(s => s.InstitutionId == institutionId, ct))
        {
            db.InterventionStages.AddRange(CaseStages.Defaults(institutionId));
            await db.SaveChangesAsync(ct);
        }
        var stage = await db.InterventionStages.FirstOrDefaultAsync(s => s.InstitutionId == institutionId && s.Number == number, ct);
        if (stage is null)
        {
            if (owner is null || reviewDays is null)
            {
                throw new ValidationException($"stage {number} is new: give its --owner and --review-days");
            }
            db.InterventionStages.Add(stage = new InterventionStage { InstitutionId = institutionId, Number = number, Name = $"Stage {number}", OwnerRole = owner });
        }
        stage.Name = string.IsNullOrWhiteSpace(name) ? stage.Name : FreeText.Required(name, "the stage's name", 100);
        stage.OwnerRole = owner ?? stage.OwnerRole;
        stage.With = with is null ? stage.With : FreeText.Optional(with, "who else is involved", 200);
        stage.ReviewDays = reviewDays ?? stage.ReviewDays;
        await db.SaveChangesAsync(ct);
        return await CaseStages.ForAsync(db, institutionId, ct);
    }
}

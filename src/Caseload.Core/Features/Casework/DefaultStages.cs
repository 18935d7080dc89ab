using Caseload.Core.Domain;

namespace Caseload.Core.Features.Casework;

/// <summary>
/// The staged intervention procedure a new institution starts with (PRODUCT.md): the tutor owns stages 1 and 2; stage 3
/// is the tutor with the senior tutor and subject staff; the senior tutor owns stage 4; senior leaders stage 5 ("5+").
/// </summary>
public static class DefaultStages
{
    public static IReadOnlyList<InterventionStage> For(int institutionId) =>
    [
        new() { InstitutionId = institutionId, Number = 1, Name = "Stage 1", OwnerRole = Roles.Tutor, ReviewDays = 14 },
        new() { InstitutionId = institutionId, Number = 2, Name = "Stage 2", OwnerRole = Roles.Tutor, ReviewDays = 14 },
        new() { InstitutionId = institutionId, Number = 3, Name = "Stage 3", OwnerRole = Roles.Tutor, With = "with the senior tutor and subject staff", ReviewDays = 14 },
        new() { InstitutionId = institutionId, Number = 4, Name = "Stage 4", OwnerRole = Roles.SeniorTutor, ReviewDays = 14 },
        new() { InstitutionId = institutionId, Number = 5, Name = "Stage 5+", OwnerRole = Roles.SeniorLeader, With = "senior leaders", ReviewDays = 28 },
    ];
}

/// <summary>Changes (or adds) one stage of an institution's procedure; the rest are kept (the defaults are stored first).</summary>
public static class SetStage
{
    public static readonly IReadOnlyList<string> Owners = [Roles.Tutor, Roles.SeniorTutor, Roles.ProgressLeader, Roles.SeniorLeader];

    public static async Task<IReadOnlyList<InterventionStage>> HandleAsync(Data.CaseloadDbContext db, int institutionId, int number, string? name, string? owner, string? with, int? reviewDays, CancellationToken ct = default)
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
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.InterventionStages, s => s.InstitutionId == institutionId, ct))
        {
            db.InterventionStages.AddRange(DefaultStages.For(institutionId));
            await db.SaveChangesAsync(ct);
        }
        var stage = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.InterventionStages, s => s.InstitutionId == institutionId && s.Number == number, ct);
        if (stage is null)
        {
            if (owner is null || reviewDays is null)
            {
                throw new ValidationException($"stage {number} is new: give its --owner and --review-days");
            }
            db.InterventionStages.Add(stage = new InterventionStage { InstitutionId = institutionId, Number = number, Name = $"Stage {number}", OwnerRole = owner });
        }
        stage.Name = string.IsNullOrWhiteSpace(name) ? stage.Name : name.Trim();
        stage.OwnerRole = owner ?? stage.OwnerRole;
        stage.With = with is null ? stage.With : (with.Trim().Length == 0 ? null : with.Trim());
        stage.ReviewDays = reviewDays ?? stage.ReviewDays;
        await db.SaveChangesAsync(ct);
        return await Cases.StagesAsync(db, institutionId, ct);
    }
}

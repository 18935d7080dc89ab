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

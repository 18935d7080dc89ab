using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cases;

/// <summary>
/// The staged intervention procedure's stages: the institution's own, or the default a new institution starts with
/// (PRODUCT.md): the tutor owns stages 1 and 2; stage 3 is the tutor with the senior tutor and subject staff; the senior
/// tutor owns stage 4; senior leaders stage 5 ("5+"). Also who owns a case at a stage.
/// </summary>
public static class CaseStages
{
    public static IReadOnlyList<InterventionStage> Defaults(int institutionId) =>
    [
        new() { InstitutionId = institutionId, Number = 1, Name = "Stage 1", OwnerRole = Roles.Tutor, ReviewDays = 14 },
        new() { InstitutionId = institutionId, Number = 2, Name = "Stage 2", OwnerRole = Roles.Tutor, ReviewDays = 14 },
        new() { InstitutionId = institutionId, Number = 3, Name = "Stage 3", OwnerRole = Roles.Tutor, With = "with the senior tutor and subject staff", ReviewDays = 14 },
        new() { InstitutionId = institutionId, Number = 4, Name = "Stage 4", OwnerRole = Roles.SeniorTutor, ReviewDays = 14 },
        new() { InstitutionId = institutionId, Number = 5, Name = "Stage 5+", OwnerRole = Roles.SeniorLeader, With = "senior leaders", ReviewDays = 28 },
    ];

    /// <summary>The institution's stages in order (the defaults until it sets its own).</summary>
    public static async Task<IReadOnlyList<InterventionStage>> ForAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default)
    {
        var stored = await db.InterventionStages.AsNoTracking().Where(s => s.InstitutionId == institutionId).OrderBy(s => s.Number).ToListAsync(ct);
        return stored.Count > 0 ? stored : Defaults(institutionId);
    }

    public static InterventionStage Of(IReadOnlyList<InterventionStage> stages, int number) =>
        stages.FirstOrDefault(s => s.Number == number)
        ?? throw new ValidationException($"there is no stage {number}; expected one of {string.Join(", ", stages.Select(s => s.Number))}");

    /// <summary>Who owns a case at this stage, in words ("the senior tutor").</summary>
    public static string OwnerWords(InterventionStage stage) => stage.OwnerRole switch
    {
        Roles.SeniorLeader => "senior leaders",
        Roles.SeniorTutor => "the senior tutor",
        Roles.ProgressLeader => "the progress leader",
        _ => "the tutor",
    };

    /// <summary>The member of staff who owns a student's case at this stage; null when a team (senior leaders) owns it
    /// until one of them takes it, or when the student has nobody in that role.</summary>
    public static async Task<int?> OwnerAsync(CaseloadDbContext db, int studentId, InterventionStage stage, Viewer viewer, CancellationToken ct)
    {
        var tutor = await db.Students.Where(s => s.Id == studentId).Select(s => s.TutorGroup == null ? null : s.TutorGroup.TutorStaffId).FirstOrDefaultAsync(ct);
        return stage.OwnerRole switch
        {
            Roles.Tutor => tutor ?? viewer.StaffId,
            Roles.SeniorTutor => tutor is null ? null : await db.TutorTeamMembers.Where(t => t.TutorStaffId == tutor && t.SeniorTutorStaffId != tutor)
                .Select(t => (int?)t.SeniorTutorStaffId).FirstOrDefaultAsync(ct),
            Roles.ProgressLeader => await db.Students.Where(s => s.Id == studentId).Select(s => s.YearGroup!.ProgressLeaderStaffId).FirstOrDefaultAsync(ct),
            _ => null,
        };
    }

    public static string Describe(CaseReason reason) => reason.ToString().ToLowerInvariant();
}

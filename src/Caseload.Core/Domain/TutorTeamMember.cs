namespace Caseload.Core.Domain;

/// <summary>A senior tutor leads a team of tutors: one row per (senior tutor, tutor) pair.</summary>
public sealed class TutorTeamMember
{
    public int InstitutionId { get; set; }
    public int SeniorTutorStaffId { get; set; }
    public int TutorStaffId { get; set; }
}

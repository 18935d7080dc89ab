namespace Caseload.Core.Domain;

/// <summary>
/// One member of staff covering another's caseload (all of it, or one tutor group) for a range of days: the cover sees
/// those students and their inbox items from <see cref="From"/> to <see cref="To"/> inclusive.
/// </summary>
public sealed class Cover
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    /// <summary>The tutor away.</summary>
    public int TutorStaffId { get; set; }
    public int CoverStaffId { get; set; }
    /// <summary>One of the tutor's groups; null for their whole caseload.</summary>
    public int? TutorGroupId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public int SetByStaffId { get; set; }
    public DateTime SetAt { get; set; }
    public bool Ended { get; set; }
}

namespace Caseload.Core.Domain;

/// <summary>
/// A request to change a student's programme: raised by one member of staff, authorised or refused by another (the
/// student's senior tutor or a senior leader, never the requester), then actioned by an administrator who sets the date
/// (decision 0020). Kept for ever as the enrolments' history.
/// </summary>
public sealed class CourseChange : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public CourseChangeKind Kind { get; set; }
    /// <summary>The course left (drop, swap, change of level, reduced programme); null for an add or a whole withdrawal.</summary>
    public int? FromCourseId { get; set; }
    /// <summary>The course joined (add, swap, change of level).</summary>
    public int? ToCourseId { get; set; }
    public int ReasonId { get; set; }
    public required string Details { get; set; }
    public string? StudentView { get; set; }
    public string? ParentView { get; set; }
    public CourseChangeStatus Status { get; set; }
    public int RequestedByStaffId { get; set; }
    public DateTime RequestedAt { get; set; }
    public int? DecidedByStaffId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public int? ActionedByStaffId { get; set; }
    public DateTime? ActionedAt { get; set; }
    /// <summary>The last day on the course left (the last day of attendance), or the first day on the course joined.</summary>
    public DateOnly? EffectiveOn { get; set; }
    public int Version { get; set; }

    public const int DetailsLength = 2000, ViewLength = 1000, NoteLength = 1000;
}

public enum CourseChangeKind
{
    Add = 0,
    Drop = 1,
    Swap = 2,
    ChangeLevel = 3,
    ReducedProgramme = 4,
    Withdraw = 5,
}

public enum CourseChangeStatus
{
    Requested = 0,
    Authorised = 1,
    Refused = 2,
    Actioned = 3,
    Cancelled = 4,
}

namespace Caseload.Core.Domain;

/// <summary>What a referral or concern is about; the category decides who receives it (see <c>Referrals.RouteOf</c>).</summary>
public enum ReferralCategory
{
    /// <summary>A general concern about progress, attendance or behaviour: the student's tutor.</summary>
    Concern,
    Wellbeing,
    LearningSupport,
    Careers,
    /// <summary>The counselling service (part of the wellbeing team).</summary>
    Counsellor,
    /// <summary>A referral to an outside agency (CAMHS, early help, youth services), made through the wellbeing team.</summary>
    ExternalAgency,
    /// <summary>A safeguarding concern: the safeguarding team only; nobody else sees it exists, every read is audited.</summary>
    Safeguarding,
}

public enum Urgency
{
    /// <summary>This week.</summary>
    Routine,
    /// <summary>Within two working days.</summary>
    Soon,
    /// <summary>Today.</summary>
    Urgent,
}

public enum ReferralStatus
{
    Raised,
    Acknowledged,
    ActedOn,
    Closed,
}

/// <summary>A referral or concern raised by a member of staff about a student, routed to a person or a team.</summary>
public sealed class Referral : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public ReferralCategory Category { get; set; }
    public Urgency Urgency { get; set; }
    /// <summary>True for safeguarding concerns: stored so every query can exclude them without knowing the categories.</summary>
    public bool Restricted { get; set; }
    public required string What { get; set; }
    public int RaisedByStaffId { get; set; }
    public DateTime RaisedAt { get; set; }
    /// <summary>The person it is routed to (the tutor for a concern), or null when a team receives it.</summary>
    public int? ToStaffId { get; set; }
    /// <summary>The team (a role) it is routed to, when not a person.</summary>
    public string? ToRole { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public int? AcknowledgedByStaffId { get; set; }
    public DateTime? ActedAt { get; set; }
    public int? ActedByStaffId { get; set; }
    public string? ActionTaken { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int? ClosedByStaffId { get; set; }
    public string? Outcome { get; set; }
    public int Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeletedReason { get; set; }

    /// <summary>The columns of a restricted referral that never leave the safeguarding team (not even into the audit log).</summary>
    public static readonly IReadOnlySet<string> DetailColumns = new HashSet<string> { nameof(What), nameof(ActionTaken), nameof(Outcome), nameof(DeletedReason) };
}

/// <summary>A 1:1 review meeting between a tutor and a student.</summary>
public sealed class OneToOneMeeting : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public int StaffId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Notes { get; set; }
    /// <summary>The student's view, in their words.</summary>
    public string? StudentView { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeletedReason { get; set; }
}

public enum TargetOwner
{
    Student,
    Tutor,
    Other,
}

public enum PlanTargetStatus
{
    Open,
    Achieved,
    PartlyAchieved,
    NotAchieved,
    Dropped,
}

/// <summary>One target of a student's action plan: set at a 1:1, carried into the next until reviewed.</summary>
public sealed class PlanTarget : IVersioned
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    public long SetInMeetingId { get; set; }
    public long? ReviewedInMeetingId { get; set; }
    public required string Text { get; set; }
    public TargetOwner Owner { get; set; }
    /// <summary>Who, when the owner is "other" (a parent, a subject teacher, learning support).</summary>
    public string? OwnerName { get; set; }
    public DateOnly Due { get; set; }
    public PlanTargetStatus Status { get; set; }
    public string? ReviewNote { get; set; }
    public int Version { get; set; }
}

/// <summary>A model target the team shares, to pick from when writing an action plan.</summary>
public sealed class BankTarget
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Text { get; set; }
    public required string Area { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A student the tutor has prioritised for 1:1s (every two weeks instead of six).</summary>
public sealed class OneToOnePriority
{
    public int StudentId { get; set; }
    public DateTime SetAt { get; set; }
    public required string SetBy { get; set; }
}

public enum ContactMethod
{
    Call,
    Email,
    Letter,
    Meeting,
    ParentsEvening,
    TextMessage,
}

/// <summary>One contact with a student's parents or carers.</summary>
public sealed class ParentContact : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public ContactMethod Method { get; set; }
    /// <summary>Positive contact home (good news), a first-class kind of contact.</summary>
    public bool Positive { get; set; }
    /// <summary>Who was contacted ("Mrs Patel (mother)").</summary>
    public required string With { get; set; }
    public DateOnly On { get; set; }
    public required string Summary { get; set; }
    public string? Outcome { get; set; }
    public int StaffId { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeletedReason { get; set; }
}

/// <summary>A standard letter home, edited by an administrator; placeholders like <c>{{student_name}}</c> are filled in when sent.</summary>
public sealed class LetterTemplate : IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
}

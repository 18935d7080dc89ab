namespace Caseload.Core.Domain;

/// <summary>A record two people may edit at once: saved only if nobody saved it since it was read.</summary>
public interface IVersioned
{
    /// <summary>Raised by one on every save; the concurrency token (the application's, so SQLite works the same).</summary>
    int Version { get; set; }
}

/// <summary>One stage of an institution's staged intervention procedure: who owns a case at it and how often it is reviewed.</summary>
public sealed class InterventionStage
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    /// <summary>The role that owns a case at this stage (tutor, senior-tutor, senior-leader).</summary>
    public required string OwnerRole { get; set; }
    /// <summary>Who else is involved, in words ("with the senior tutor and subject staff").</summary>
    public string? With { get; set; }
    public int ReviewDays { get; set; }
}

public enum CaseReason
{
    Attendance,
    Punctuality,
    Progress,
    Behaviour,
    Wellbeing,
    Other,
}

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>A student's case in the staged intervention procedure.</summary>
public sealed class InterventionCase : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public int Stage { get; set; }
    public CaseReason Reason { get; set; }
    public required string Summary { get; set; }
    public int? OwnerStaffId { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly NextReview { get; set; }
    public CaseStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
    /// <summary>Soft delete: the case stays, with who removed it and why, visible to administrators.</summary>
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeletedReason { get; set; }
    public List<CaseAction> Actions { get; set; } = [];
}

/// <summary>Something to do on a case: what, who, by when, done or not.</summary>
public sealed class CaseAction : IVersioned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string What { get; set; }
    public required string Who { get; set; }
    public DateOnly Due { get; set; }
    public bool Done { get; set; }
    public DateOnly? DoneOn { get; set; }
    public int Version { get; set; }
}

public enum CaseEventKind
{
    Opened,
    Escalated,
    DeEscalated,
    Reviewed,
    ActionAdded,
    ActionDone,
    Edited,
    Closed,
    Reopened,
    Deleted,
}

/// <summary>One entry of a case's history, in the order it happened; never changed.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public CaseEventKind Kind { get; set; }
    public int? FromStage { get; set; }
    public int? ToStage { get; set; }
    public required string Text { get; set; }
}

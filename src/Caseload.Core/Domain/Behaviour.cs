namespace Caseload.Core.Domain;

public enum BehaviourType
{
    Positive = 0,
    Negative = 1,
}

public sealed class BehaviourEvent
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    /// <summary>The MIS's event id, or a fingerprint of the row when the MIS gives none: what makes re-imports idempotent.</summary>
    public required string ExternalKey { get; set; }
    public DateOnly Date { get; set; }
    public BehaviourType Type { get; set; }
    public required string Category { get; set; }
    public int Points { get; set; }
    public string? Description { get; set; }
    public int? StaffId { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>How a student was involved in an incident. One role per student per incident: a victim is never a perpetrator.</summary>
public enum IncidentRole
{
    Perpetrator,
    Victim,
    Witness,
    Involved,
}

/// <summary>A behaviour incident recorded in Caseload, with every student involved in their role.</summary>
public sealed class BehaviourIncident
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public DateOnly On { get; set; }
    public required string Category { get; set; }
    public required string Description { get; set; }
    public string? Location { get; set; }
    public int RecordedByStaffId { get; set; }
    public DateTime RecordedAt { get; set; }
    public int Version { get; set; }
    public List<IncidentStudent> Students { get; set; } = [];
}

public sealed class IncidentStudent
{
    public long IncidentId { get; set; }
    public int StudentId { get; set; }
    public IncidentRole Role { get; set; }
    /// <summary>Negative points, for a perpetrator only; the behaviour event it became (what scores, summaries and the log read).</summary>
    public int Points { get; set; }
    public long? BehaviourEventId { get; set; }
}

/// <summary>A behaviour event reviewed on the progress leader's daily log.</summary>
public sealed class BehaviourReview
{
    public long BehaviourEventId { get; set; }
    public DateTime ReviewedAt { get; set; }
    public int ReviewedByStaffId { get; set; }
    public string? Note { get; set; }
}

public enum SanctionKind
{
    Detention,
    Isolation,
    Suspension,
    Other,
}

/// <summary>A sanction given to a student, usually after an incident.</summary>
public sealed class Sanction
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    public long? IncidentId { get; set; }
    public SanctionKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Reason { get; set; }
    public bool Served { get; set; }
    public int SetByStaffId { get; set; }
    public DateTime SetAt { get; set; }
}

/// <summary>A student on report: daily targets, a daily record against them, until taken off.</summary>
public sealed class OnReport
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>The daily targets, one per line.</summary>
    public required string Targets { get; set; }
    public required string Reason { get; set; }
    public int StartedByStaffId { get; set; }
    public List<ReportDay> Days { get; set; } = [];
}

/// <summary>One day's record of a student on report: how many of the targets were met, and a comment.</summary>
public sealed class ReportDay
{
    public long Id { get; set; }
    public long OnReportId { get; set; }
    public DateOnly Date { get; set; }
    public int Met { get; set; }
    public int Of { get; set; }
    public string? Comment { get; set; }
    public int RecordedByStaffId { get; set; }
}

namespace Caseload.Core.Domain;

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

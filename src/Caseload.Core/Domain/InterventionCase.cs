namespace Caseload.Core.Domain;

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

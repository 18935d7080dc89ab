namespace Caseload.Core.Domain;

public enum AuditAction
{
    Create = 0,
    Update = 1,
    Delete = 2,
    Read = 3,
}

/// <summary>
/// One entry of the audit log: who did what to which record, when, with the values before and after a change.
/// Reads of sensitive records (a student's profile) are entries too. Only administrators may search it.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public int? InstitutionId { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public AuditAction Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public int? StudentId { get; set; }
    /// <summary>JSON: for updates {"property": [before, after]}; for creates and deletes the values.</summary>
    public string? Changes { get; set; }
}

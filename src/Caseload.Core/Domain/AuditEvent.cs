namespace Caseload.Core.Domain;

/// <summary>
/// One entry of the audit log: who did what to which record, when, with the values before and after a change.
/// Reads of sensitive records (a student's profile) are entries too. Administrators search it; entries about a restricted
/// record (a safeguarding concern) are seen only by those who may read the record itself.
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

    /// <summary>
    /// About a restricted record (a safeguarding concern): that the record exists is itself restricted, so the entry is
    /// visible only to the designated safeguarding team, never in anyone else's search, count or export.
    /// </summary>
    public bool Restricted { get; set; }
}

namespace Caseload.Core.Domain;

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

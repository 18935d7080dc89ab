namespace Caseload.Core.Domain;

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

namespace Caseload.Core.Domain;

public sealed class IncidentStudent
{
    public long IncidentId { get; set; }
    public int StudentId { get; set; }
    public IncidentRole Role { get; set; }
    /// <summary>Negative points, for a perpetrator only; the behaviour event it became (what scores, summaries and the log read).</summary>
    public int Points { get; set; }
    public long? BehaviourEventId { get; set; }
}

namespace Caseload.Core.Domain;

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

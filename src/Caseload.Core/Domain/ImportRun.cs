namespace Caseload.Core.Domain;

/// <summary>A record of every import attempt, including refused ones. Holds counts, never row contents.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public ImportOutcome Outcome { get; set; }
    public int Rows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Errors { get; set; }
    public required string StartedBy { get; set; }
}

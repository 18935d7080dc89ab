namespace Caseload.Core.Domain;

/// <summary>The previous value of a corrected mark, who replaced it and when. Written by a trigger.</summary>
public sealed class AttendanceMarkChange
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    public DateOnly Date { get; set; }
    public required string Session { get; set; }
    public required string PreviousCode { get; set; }
    public int? PreviousMinutesLate { get; set; }
    public DateTime PreviousRecordedAt { get; set; }
    public required string PreviousRecordedBy { get; set; }
    public required string NewCode { get; set; }
    public int? NewMinutesLate { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
}

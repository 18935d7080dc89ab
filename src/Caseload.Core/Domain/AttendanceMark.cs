namespace Caseload.Core.Domain;

/// <summary>
/// One register mark: a session (AM/PM) or a lesson (P3). The key is the natural key of the import.
/// Corrections are kept by a database trigger in <see cref="AttendanceMarkChange"/>.
/// </summary>
public sealed class AttendanceMark
{
    public int StudentId { get; set; }
    public DateOnly Date { get; set; }
    public required string Session { get; set; }
    public required string Code { get; set; }
    public int? MinutesLate { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

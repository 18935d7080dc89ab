namespace Caseload.Core.Domain;

/// <summary>One day's record of a student on report: how many of the targets were met, and a comment.</summary>
public sealed class ReportDay
{
    public long Id { get; set; }
    public long OnReportId { get; set; }
    public DateOnly Date { get; set; }
    public int Met { get; set; }
    public int Of { get; set; }
    public string? Comment { get; set; }
    public int RecordedByStaffId { get; set; }
}

namespace Caseload.Core.Domain;

/// <summary>A student on report: daily targets, a daily record against them, until taken off.</summary>
public sealed class OnReport
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>The daily targets, one per line.</summary>
    public required string Targets { get; set; }
    public required string Reason { get; set; }
    public int StartedByStaffId { get; set; }
    public List<ReportDay> Days { get; set; } = [];
}

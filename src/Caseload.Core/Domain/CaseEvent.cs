namespace Caseload.Core.Domain;

/// <summary>One entry of a case's history, in the order it happened; never changed.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public CaseEventKind Kind { get; set; }
    public int? FromStage { get; set; }
    public int? ToStage { get; set; }
    public required string Text { get; set; }
}

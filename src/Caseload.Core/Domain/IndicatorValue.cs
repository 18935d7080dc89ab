namespace Caseload.Core.Domain;

/// <summary>One student's value of an institution's indicator on a day; the score uses the latest on or before its day.</summary>
public sealed class IndicatorValue
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public int RiskIndicatorId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
    public DateTime ImportedAt { get; set; }
}

namespace Caseload.Core.Domain;

/// <summary>
/// An institution's own early-warning indicator (units passed last term, fees overdue, reading age, prior failures): a
/// number per student, imported with <c>caseload import indicators</c>, that counts towards the score as a straight line
/// between two anchors — no concern at <see cref="NoConcernAt"/>, full weight at <see cref="FullConcernAt"/>. The
/// anchors give the direction: when full concern is the lower number, lower is worse.
/// </summary>
public sealed class RiskIndicator
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    /// <summary>The name used in files and weights: lower-case letters, digits and hyphens, e.g. <c>units-passed</c>.</summary>
    public required string Code { get; set; }
    /// <summary>What staff read in the score's reasons, e.g. "units passed last term".</summary>
    public required string Name { get; set; }
    public decimal NoConcernAt { get; set; }
    public decimal FullConcernAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    public const int CodeLength = 40, NameLength = 100;
}

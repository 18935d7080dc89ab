namespace Caseload.Core.Domain;

/// <summary>
/// One early-warning weight set an institution has used: set by hand (<c>caseload risk weights --set</c>), fitted on its
/// outcomes (<c>caseload risk fit --apply</c>) or restored. The institution's current set is
/// <see cref="Institution.RiskWeights"/>; every set it has had is kept here, dated and by whom, so any can be restored.
/// </summary>
public sealed class RiskWeightSet
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>manual, fitted or restored.</summary>
    public required string Source { get; set; }
    /// <summary>The stored form of <see cref="Rules.RiskWeights"/>.</summary>
    public required string Weights { get; set; }
    /// <summary>For a fitted set: the outcomes it learned from and how well it did (cross-validated), in words.</summary>
    public string? Summary { get; set; }

    public const int WeightsLength = 2000, SummaryLength = 4000;
}

namespace Caseload.Core.Domain;

/// <summary>A grade on a scale. <see cref="Rank"/> orders the scale (higher is better) so grades compare.</summary>
public sealed class Grade
{
    public int Id { get; set; }
    public int GradeScaleId { get; set; }
    public required string Code { get; set; }
    public int Rank { get; set; }
    /// <summary>DfE performance points, where the scale has them.</summary>
    public decimal? Points { get; set; }
    /// <summary>UCAS tariff points, where the scale has them.</summary>
    public int? Tariff { get; set; }
}

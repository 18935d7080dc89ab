namespace Caseload.Core.Domain;

/// <summary>
/// A row of an institution's target table: students whose prior attainment (average GCSE score) is in
/// [<see cref="From"/>, <see cref="To"/>) get <see cref="Grade"/> as the minimum expected grade on courses graded on
/// <see cref="Scale"/>. The top band of a scale also includes its <see cref="To"/>.
/// </summary>
public sealed class TargetBand
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Scale { get; set; }
    public decimal From { get; set; }
    public decimal To { get; set; }
    public required string Grade { get; set; }
}

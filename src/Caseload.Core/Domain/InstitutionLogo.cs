namespace Caseload.Core.Domain;

/// <summary>The logo at the head of the institution's letters, stored as a PNG no larger than <see cref="MaxWidth"/>×<see cref="MaxHeight"/>.</summary>
public sealed class InstitutionLogo
{
    public const int MaxWidth = 600;
    public const int MaxHeight = 200;

    public int InstitutionId { get; set; }
    public required byte[] Png { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime UpdatedAt { get; set; }
}

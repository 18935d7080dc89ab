namespace Caseload.Core.Domain;

/// <summary>A student's photo, as imported once: re-encoded as a JPEG no larger than <see cref="MaxWidth"/>×<see cref="MaxHeight"/>.</summary>
public sealed class StudentPhoto
{
    public const int MaxWidth = 240;
    public const int MaxHeight = 300;

    public int StudentId { get; set; }
    public required byte[] Jpeg { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>SHA-256 of the file imported: the same file again changes nothing.</summary>
    public required string SourceHash { get; set; }
    public DateTime UpdatedAt { get; set; }
}

namespace Caseload.Core.Domain;

/// <summary>A mark on a safeguarding concern's body map: which side of the outline, which part of the body (one of
/// <c>BodyMap.Regions</c>) and what was seen there. Stored as data, drawn as SVG.</summary>
public sealed class SafeguardingBodyMark : IRestrictedRecord
{
    public long Id { get; set; }
    public long ReferralId { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public BodySide Side { get; set; }
    public required string Region { get; set; }
    public required string Note { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(Side), nameof(Region), nameof(Note)];
}

public enum BodySide
{
    Front,
    Back,
}

using Caseload.Core.Domain;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The body map's outline and its named parts: a mark is placed on a part of the front or the back (by clicking the
/// outline, or choosing the part from a list), so every mark lies on the body and reads as words ("Back, left shoulder").
/// Coordinates are the outline's (a 100 × 220 figure seen from the front or from behind): on the front the child's left
/// is on the viewer's right; on the back it is on the viewer's left.
/// </summary>
public static class BodyMap
{
    public sealed record Region(string Name, double X, double Y, BodySide? Only = null);

    // The child's right side as seen from the front (the viewer's left); the left side mirrors it.
    private static readonly (string Part, double X, double Y)[] Sided =
    [
        ("shoulder", 30, 46), ("upper arm", 24, 66), ("elbow", 21, 82), ("forearm", 19, 96), ("wrist", 17, 110), ("hand", 16, 120),
        ("hip", 38, 106), ("thigh", 40, 132), ("knee", 41, 156), ("lower leg", 41, 178), ("ankle", 41, 198), ("foot", 41, 210),
    ];

    public static IReadOnlyList<Region> Regions { get; } =
    [
        new("Head", 50, 14), new("Face", 50, 16, BodySide.Front), new("Neck", 50, 32), new("Chest", 50, 54, BodySide.Front),
        new("Abdomen", 50, 80, BodySide.Front), new("Upper back", 50, 54, BodySide.Back), new("Lower back", 50, 84, BodySide.Back),
        new("Buttocks", 50, 104, BodySide.Back), new("Groin", 50, 106, BodySide.Front),
        .. Sided.Select(p => new Region($"Right {p.Part}", p.X, p.Y)),
        .. Sided.Select(p => new Region($"Left {p.Part}", 100 - p.X, p.Y)),
    ];

    /// <summary>Where a part is drawn on a side's outline (the back mirrors left and right).</summary>
    public static (double X, double Y) PointOf(Region region, BodySide side) =>
        side == BodySide.Back && region.Name.StartsWith("Left ", StringComparison.Ordinal) || side == BodySide.Back && region.Name.StartsWith("Right ", StringComparison.Ordinal)
            ? (100 - region.X, region.Y) : (region.X, region.Y);

    /// <summary>The named part, if it is one on that side of the outline; null is a mark off the body.</summary>
    public static Region? Find(BodySide side, string? name) =>
        Regions.FirstOrDefault(r => string.Equals(r.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase) && (r.Only is null || r.Only == side));

    /// <summary>The outline of a body, as an SVG path in the 100 × 220 figure.</summary>
    public const string Outline =
        "M50 2 a12 12 0 1 1 -0.1 0 Z " +
        "M44 26 L56 26 L57 34 L70 40 L76 50 L80 84 L84 112 L86 124 L80 126 L74 112 L70 86 L66 64 L64 100 L62 104 L60 150 L58 196 L60 214 L46 216 L50 196 L50 150 L50 112 " +
        "L50 150 L50 196 L54 214 L40 216 L42 196 L40 150 L38 104 L36 100 L34 64 L30 86 L26 112 L20 126 L14 124 L16 112 L20 84 L24 50 L30 40 L43 34 Z";
}

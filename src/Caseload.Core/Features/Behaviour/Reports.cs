namespace Caseload.Core.Features.Behaviour;

/// <summary>A report card's daily targets: one per line.</summary>
internal static class Reports
{
    public static List<string> Lines(string? text) => [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}

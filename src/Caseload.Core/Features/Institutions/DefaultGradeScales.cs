using Caseload.Core.Domain;

namespace Caseload.Core.Features.Institutions;

/// <summary>
/// The grade scales every new institution starts with, from UK-FACTS.md: rank orders each scale (higher is
/// better), points are DfE performance points and tariff UCAS points where they exist. All editable.
/// </summary>
public static class DefaultGradeScales
{
    /// <summary>
    /// What MIS exports call the default scales (SIMS, Arbor and Bromcom name qualifications, not scale codes), matched
    /// after <see cref="Key"/>: an import may give a scale by its code, its name or any of these.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>
    {
        ["GCSE"] = ["GCSE", "GCSE (9-1)", "GCSE 9-1", "GCSE Full Course", "GCSE Reformed"],
        ["GCSE-LETTER"] = ["GCSE A*-G", "GCSE (A*-G)", "GCSE Legacy"],
        ["A-LEVEL"] = ["A level", "A-Level", "GCE A Level", "GCE Advanced Level", "A2", "GCE A2"],
        ["AS"] = ["AS level", "AS-Level", "GCE AS Level", "GCE AS", "GCE Advanced Subsidiary"],
        ["BTEC-EC"] = ["BTEC Extended Certificate", "BTEC National Extended Certificate", "BTEC Level 3 National Extended Certificate", "BTEC Subsidiary Diploma"],
        ["BTEC-DIP"] = ["BTEC Diploma", "BTEC National Diploma", "BTEC Level 3 National Diploma", "BTEC 90-credit Diploma"],
        ["BTEC-ED"] = ["BTEC Extended Diploma", "BTEC National Extended Diploma", "BTEC Level 3 National Extended Diploma"],
        ["T-LEVEL"] = ["T Level", "T-Level", "Technical Qualification"],
    };

    /// <summary>A name as a key: letters and digits only, in lower case ("GCE A-Level" → "gcealevel"; "9–1" → "91").</summary>
    public static string Key(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    public static IReadOnlyList<GradeScale> For(int institutionId) =>
    [
        Scale(institutionId, "GCSE", "GCSE 9–1",
            ("9", 9m, null), ("8", 8m, null), ("7", 7m, null), ("6", 6m, null), ("5", 5m, null), ("4", 4m, null),
            ("3", 3m, null), ("2", 2m, null), ("1", 1m, null), ("U", 0m, null)),
        Scale(institutionId, "GCSE-LETTER", "GCSE A*–G (before 2017)",
            ("A*", 8.5m, null), ("A", 7m, null), ("B", 5.5m, null), ("C", 4m, null), ("D", 3m, null), ("E", 2m, null),
            ("F", 1.5m, null), ("G", 1m, null), ("U", 0m, null)),
        Scale(institutionId, "A-LEVEL", "A level",
            ("A*", 60m, 56), ("A", 50m, 48), ("B", 40m, 40), ("C", 30m, 32), ("D", 20m, 24), ("E", 10m, 16), ("U", 0m, 0)),
        Scale(institutionId, "AS", "AS level",
            ("A", null, 20), ("B", null, 16), ("C", null, 12), ("D", null, 10), ("E", null, 6), ("U", null, 0)),
        Scale(institutionId, "BTEC-EC", "BTEC National Extended Certificate (single)",
            ("D*", null, 56), ("D", null, 48), ("M", null, 32), ("P", null, 16), ("U", null, 0)),
        Scale(institutionId, "BTEC-DIP", "BTEC National Diploma (double)",
            ("D*D*", null, 112), ("D*D", null, 104), ("DD", null, 96), ("DM", null, 80), ("MM", null, 64),
            ("MP", null, 48), ("PP", null, 32), ("U", null, 0)),
        Scale(institutionId, "BTEC-ED", "BTEC National Extended Diploma (triple)",
            ("D*D*D*", null, 168), ("D*D*D", null, 160), ("D*DD", null, 152), ("DDD", null, 144), ("DDM", null, 128),
            ("DMM", null, 112), ("MMM", null, 96), ("MMP", null, 80), ("MPP", null, 64), ("PPP", null, 48), ("U", null, 0)),
        Scale(institutionId, "T-LEVEL", "T Level",
            ("Distinction*", null, 168), ("Distinction", null, 144), ("Merit", null, 120),
            ("Pass (C+)", null, 96), ("Pass (D/E)", null, 72), ("U", null, 0)),
    ];

    private static GradeScale Scale(int institutionId, string code, string name, params (string Code, decimal? Points, int? Tariff)[] grades) => new()
    {
        InstitutionId = institutionId,
        Code = code,
        Name = name,
        Grades = [.. grades.Select((g, i) => new Grade { Code = g.Code, Rank = grades.Length - 1 - i, Points = g.Points, Tariff = g.Tariff })],
    };
}

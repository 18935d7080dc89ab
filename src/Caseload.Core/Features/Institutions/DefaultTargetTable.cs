namespace Caseload.Core.Features.Institutions;

/// <summary>
/// A simple, editable default target table (UK-FACTS.md: commercial tables are proprietary): minimum expected grades
/// rising evenly with average GCSE score, for each default post-16 scale. Institutions import their own
/// (<c>caseload targets import</c>); the same rows are in <c>samples/target-table.csv</c>.
/// </summary>
public static class DefaultTargetTable
{
    public static readonly IReadOnlyList<(string Scale, decimal From, decimal To, string Grade)> Rows =
    [
        ("A-LEVEL", 0m, 4.5m, "E"), ("A-LEVEL", 4.5m, 5.25m, "D"), ("A-LEVEL", 5.25m, 6m, "C"), ("A-LEVEL", 6m, 6.75m, "B"),
        ("A-LEVEL", 6.75m, 7.5m, "A"), ("A-LEVEL", 7.5m, 9m, "A*"),
        ("AS", 0m, 4.5m, "E"), ("AS", 4.5m, 5.25m, "D"), ("AS", 5.25m, 6m, "C"), ("AS", 6m, 6.75m, "B"), ("AS", 6.75m, 9m, "A"),
        ("BTEC-EC", 0m, 4.5m, "P"), ("BTEC-EC", 4.5m, 5.5m, "M"), ("BTEC-EC", 5.5m, 6.75m, "D"), ("BTEC-EC", 6.75m, 9m, "D*"),
        ("BTEC-DIP", 0m, 4.5m, "PP"), ("BTEC-DIP", 4.5m, 5m, "MP"), ("BTEC-DIP", 5m, 5.5m, "MM"), ("BTEC-DIP", 5.5m, 6m, "DM"),
        ("BTEC-DIP", 6m, 6.5m, "DD"), ("BTEC-DIP", 6.5m, 7m, "D*D"), ("BTEC-DIP", 7m, 9m, "D*D*"),
        ("BTEC-ED", 0m, 4.5m, "PPP"), ("BTEC-ED", 4.5m, 4.75m, "MPP"), ("BTEC-ED", 4.75m, 5m, "MMP"), ("BTEC-ED", 5m, 5.25m, "MMM"),
        ("BTEC-ED", 5.25m, 5.5m, "DMM"), ("BTEC-ED", 5.5m, 5.75m, "DDM"), ("BTEC-ED", 5.75m, 6.25m, "DDD"), ("BTEC-ED", 6.25m, 6.75m, "D*DD"),
        ("BTEC-ED", 6.75m, 7.25m, "D*D*D"), ("BTEC-ED", 7.25m, 9m, "D*D*D*"),
        ("T-LEVEL", 0m, 4.5m, "Pass (D/E)"), ("T-LEVEL", 4.5m, 5.5m, "Pass (C+)"), ("T-LEVEL", 5.5m, 6.5m, "Merit"),
        ("T-LEVEL", 6.5m, 7.5m, "Distinction"), ("T-LEVEL", 7.5m, 9m, "Distinction*"),
    ];
}

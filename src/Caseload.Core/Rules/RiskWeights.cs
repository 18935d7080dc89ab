using System.Globalization;

namespace Caseload.Core.Rules;

/// <summary>
/// How much each early-warning factor can add to the risk score. The defaults add up to 115 — severe absence (15) on top
/// of the 100 the others share, so that a student under 50% attendance is high risk (40 or more) on its own — and the
/// score stops at 100. An institution changes them (<c>caseload risk weights</c>); stored as <c>factor=weight</c> pairs
/// (a stored set without a factor takes its default).
/// </summary>
public sealed record RiskWeights(int Attendance, int AttendanceTrend, int Punctuality, int Behaviour, int Progress, int ProgressTrend, int Flags, int ReasonsOverdue, int SevereAbsence = 15)
{
    public static readonly RiskWeights Default = new(30, 15, 10, 10, 20, 5, 5, 5, 15);

    public static readonly IReadOnlyList<string> Names =
        ["attendance", "severe-absence", "attendance-trend", "punctuality", "behaviour", "progress", "progress-trend", "flags", "reasons-overdue"];

    public int this[string name] => name switch
    {
        "attendance" => Attendance,
        "severe-absence" => SevereAbsence,
        "attendance-trend" => AttendanceTrend,
        "punctuality" => Punctuality,
        "behaviour" => Behaviour,
        "progress" => Progress,
        "progress-trend" => ProgressTrend,
        "flags" => Flags,
        "reasons-overdue" => ReasonsOverdue,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a risk factor"),
    };

    public override string ToString() => string.Join(",", Names.Select(n => $"{n}={this[n].ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The stored form; null or empty means the defaults.</summary>
    public static RiskWeights FromStored(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? Default : TryParse(stored, Default, out var w, out _) ? w : Default;

    /// <summary>
    /// Reads <c>factor=weight</c> pairs separated by commas; factors not named keep <paramref name="start"/>'s weight.
    /// Each weight is a whole number from 0 to 100.
    /// </summary>
    public static bool TryParse(string text, RiskWeights start, out RiskWeights weights, out string error)
    {
        var values = Names.ToDictionary(n => n, n => start[n]);
        weights = start;
        error = "";
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !values.ContainsKey(pair[0].ToLowerInvariant()))
            {
                error = $"'{part}' is not a factor=weight pair; expected one of {string.Join(", ", Names)} followed by =weight";
                return false;
            }
            if (!int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight > 100)
            {
                error = $"the weight of {pair[0]} is '{pair[1]}'; expected a whole number from 0 to 100";
                return false;
            }
            values[pair[0].ToLowerInvariant()] = weight;
        }
        weights = new RiskWeights(values["attendance"], values["attendance-trend"], values["punctuality"], values["behaviour"],
            values["progress"], values["progress-trend"], values["flags"], values["reasons-overdue"], values["severe-absence"]);
        return true;
    }
}

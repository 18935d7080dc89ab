using System.Globalization;

namespace Caseload.Core.Rules;

/// <summary>
/// How much each early-warning factor counts. Two kinds (decision 0019):
/// <list type="bullet">
/// <item><b>Points</b> (the defaults, or set by hand with <c>caseload risk weights --set</c>): each weight is the most a
/// factor can add, a whole number from 0 to 100; the score is the sum, stopped at 100. The defaults add up to 115 —
/// severe absence (15) on top of the 100 the others share, so that a student under 50% attendance is high risk (40 or
/// more) on its own. Prior attainment and open casework start at 0, as does every institution indicator.</item>
/// <item><b>Fitted</b> (<c>caseload risk fit --apply</c>): a logistic model learned from the institution's outcomes — an
/// intercept and a non-negative coefficient per factor — whose score is the chance of a bad outcome in per cent.</item>
/// </list>
/// Stored as <c>factor=weight</c> pairs (a fitted set starts with <c>fitted,intercept=…</c>); a stored points set without
/// a factor takes its default. Factors other than the built-in ones are the institution's indicators, by code.
/// </summary>
public sealed class RiskWeights : IEquatable<RiskWeights>
{
    public static readonly IReadOnlyList<string> Names =
    [
        "attendance", "severe-absence", "attendance-trend", "punctuality", "behaviour", "progress", "progress-trend",
        "prior-attainment", "flags", "reasons-overdue", "casework",
    ];

    public static readonly RiskWeights Default = new(new Dictionary<string, decimal>
    {
        ["attendance"] = 30,
        ["severe-absence"] = 15,
        ["attendance-trend"] = 15,
        ["punctuality"] = 10,
        ["behaviour"] = 10,
        ["progress"] = 20,
        ["progress-trend"] = 5,
        ["prior-attainment"] = 0,
        ["flags"] = 5,
        ["reasons-overdue"] = 5,
        ["casework"] = 0,
    }, null);

    private readonly Dictionary<string, decimal> _weights;

    private RiskWeights(IReadOnlyDictionary<string, decimal> weights, decimal? intercept)
    {
        _weights = new Dictionary<string, decimal>(weights, StringComparer.Ordinal);
        Intercept = intercept;
    }

    /// <summary>The fitted model's intercept (log-odds of a bad outcome with every factor clear); null for a points set.</summary>
    public decimal? Intercept { get; }

    public bool IsFitted => Intercept is not null;

    /// <summary>A factor's weight (0 for an indicator the set does not name).</summary>
    public decimal this[string name] => _weights.GetValueOrDefault(name);

    /// <summary>The built-in factors, then the indicators the set names, by code.</summary>
    public IEnumerable<string> Factors => Names.Concat(_weights.Keys.Where(k => !Names.Contains(k)).Order(StringComparer.Ordinal));

    public RiskWeights With(string name, decimal weight) =>
        new(new Dictionary<string, decimal>(_weights) { [name] = weight }, Intercept);

    /// <summary>A fitted set: the intercept and a coefficient per factor, kept to 4 decimal places.</summary>
    public static RiskWeights Fitted(decimal intercept, IReadOnlyDictionary<string, decimal> coefficients) =>
        new(coefficients.ToDictionary(c => c.Key, c => Math.Round(c.Value, 4)), Math.Round(intercept, 4));

    public override string ToString()
    {
        var pairs = Factors.Select(n => $"{n}={this[n].ToString(IsFitted ? "0.####" : "0.##", CultureInfo.InvariantCulture)}");
        return IsFitted ? $"fitted,intercept={Intercept!.Value.ToString("0.####", CultureInfo.InvariantCulture)}," + string.Join(",", pairs) : string.Join(",", pairs);
    }

    public bool Equals(RiskWeights? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as RiskWeights);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>The stored form; null or empty (or unreadable) means the defaults.</summary>
    public static RiskWeights FromStored(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return Default;
        }
        var parts = stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var fitted = parts.Count > 0 && parts[0] == "fitted";
        var values = fitted ? new Dictionary<string, decimal>() : Names.ToDictionary(n => n, n => Default[n]);
        decimal? intercept = null;
        foreach (var part in fitted ? parts.Skip(1) : parts)
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !decimal.TryParse(pair[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return Default;
            }
            if (fitted && pair[0] == "intercept")
            {
                intercept = value;
            }
            else
            {
                values[pair[0]] = value;
            }
        }
        return fitted && intercept is null ? Default : new RiskWeights(values, intercept);
    }

    /// <summary>
    /// Reads <c>factor=weight</c> pairs separated by commas into a points set; factors not named keep
    /// <paramref name="start"/>'s weight (the defaults when <paramref name="start"/> was fitted). Each weight is a whole
    /// number from 0 to 100; <paramref name="indicators"/> are the institution's indicator codes, which may be named too.
    /// Refused when every weight would be 0 (every score would be 0).
    /// </summary>
    public static bool TryParse(string text, RiskWeights start, IReadOnlyCollection<string> indicators, out RiskWeights weights, out string error)
    {
        var from = start.IsFitted ? Default : start;
        var values = from.Factors.Concat(indicators).Distinct().ToDictionary(n => n, n => from[n]);
        weights = from;
        error = "";
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var name = pair[0].ToLowerInvariant();
            if (pair.Length != 2 || !(Names.Contains(name) || indicators.Contains(name)))
            {
                error = $"'{part}' is not a factor=weight pair; expected one of {string.Join(", ", Names.Concat(indicators))} followed by =weight";
                return false;
            }
            if (!int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight > 100)
            {
                error = $"the weight of {pair[0]} is '{pair[1]}'; expected a whole number from 0 to 100";
                return false;
            }
            values[name] = weight;
        }
        if (values.Values.All(v => v == 0))
        {
            error = "every weight would be 0, so every score would be 0; expected at least one factor with a weight above 0";
            return false;
        }
        weights = new RiskWeights(values, null);
        return true;
    }
}

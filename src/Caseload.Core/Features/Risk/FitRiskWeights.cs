using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Features.Imports;
using Caseload.Core.Rules;

namespace Caseload.Core.Features.Risk;

/// <summary>
/// <c>caseload risk fit --outcomes FILE [--as-of DATE] [--apply]</c>: learns weights from the institution's own history
/// (<see cref="RiskModel"/>), and says how well they would have done against the current weights and each factor alone,
/// side by side and honestly (5-fold cross-validated ROC AUC with a bootstrap 95% interval, Brier score, calibration).
/// With apply, the fitted weights become the current set (dated, audited, the previous set kept and restorable) and
/// every score is recomputed: the score is then the chance of withdrawing or failing in per cent, its bands calibrated on
/// the history.
/// </summary>
public sealed class FitRiskWeights(CaseloadDbContext db, RiskHistory history, SetRiskWeights sets)
{
    /// <summary>Fitting needs at least this many students with an outcome, and both kinds.</summary>
    public const int MinStudents = 20;

    public sealed record Factor(string Name, decimal? Auc, decimal CurrentWeight, decimal Coefficient);

    public sealed record Result(
        IReadOnlyList<ImportProblem> Problems,
        DateOnly AsOf,
        RiskEvaluation.Result? Fitted,
        double FittedBrier,
        RiskEvaluation.Result? Current,
        RiskWeights? CurrentWeights,
        IReadOnlyList<Factor> Factors,
        RiskWeights? Weights,
        IReadOnlyList<string> Words,
        bool Applied);

    public async Task<Result> HandleAsync(int institutionId, string fileName, Stream content, DateOnly? asOf, bool apply, CancellationToken ct = default)
    {
        var day = history.AsOf(asOf);
        var outcomes = await history.ReadAsync(institutionId, fileName, content, ct);
        if (outcomes.Problems.Count > 0)
        {
            return new Result(outcomes.Problems, day, null, 0, null, null, [], null, [], false);
        }
        var bad = outcomes.Students.Count(s => s.Bad);
        if (outcomes.Students.Count < MinStudents)
        {
            throw new ValidationException($"{fileName}: outcomes for {outcomes.Students.Count} students; fitting needs at least {MinStudents} with an outcome");
        }
        if (bad == 0 || bad == outcomes.Students.Count)
        {
            throw new ValidationException($"{fileName}: every student {(bad == 0 ? "completed" : "withdrew or failed")}; fitting needs both students who withdrew or failed and students who completed");
        }

        var current = await SetRiskWeights.ReadAsync(db, institutionId, ct);
        var names = RiskWeights.Names.Concat(await SetRiskWeights.IndicatorCodesAsync(db, institutionId, ct)).ToList();
        var inputs = await history.InputsAsync(institutionId, [.. outcomes.Students.Select(s => s.StudentId)], day, ct);
        var students = outcomes.Students.Where(s => inputs.ContainsKey(s.StudentId)).ToList();
        var x = students.Select(s =>
        {
            var severities = RiskScore.Severities(inputs[s.StudentId]).ToDictionary(v => v.Name, v => (double)v.Value);
            return (IReadOnlyList<double>)[.. names.Select(n => severities.GetValueOrDefault(n))];
        }).ToList();
        var y = students.Select(s => s.Bad).ToList();

        var chances = RiskModel.CrossValidate(x, y);
        var fittedCases = chances.Select((c, i) => (100 * c, y[i])).ToList();
        var fitted = RiskEvaluation.Evaluate(fittedCases, EvaluateRisk.Resamples);
        var brier = RiskEvaluation.Brier([.. chances.Select((c, i) => (c, y[i]))]);
        var currentCases = students.Select((s, i) => ((double)RiskScore.Assess(inputs[s.StudentId], current).Points, y[i])).ToList();
        var currentResult = RiskEvaluation.Evaluate(currentCases, EvaluateRisk.Resamples);

        var model = RiskModel.Train(x, y);
        var weights = RiskWeights.Fitted((decimal)model.Intercept, names.Select((n, i) => (n, (decimal)model.Coefficients[i])).ToDictionary(p => p.n, p => p.Item2));
        var factors = names.Select((n, i) => new Factor(n,
            RiskEvaluation.Auc([.. x.Select((row, j) => (row[i], y[j]))]) is { } a ? (decimal)a : null,
            current[n], weights[n])).ToList();
        var words = Words(weights, factors);
        var applied = false;
        if (apply)
        {
            var interval = fitted.AucInterval is { } ci ? string.Create(CultureInfo.InvariantCulture, $" ({ci.Low:0.000}–{ci.High:0.000})") : "";
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"fitted on {students.Count} students ({bad} withdrew or failed) as of {day:yyyy-MM-dd}; cross-validated ROC AUC {fitted.Auc:0.000}{interval}, Brier {brier:0.000}; the weights before: {currentResult.Auc:0.000}");
            await sets.ApplyAsync(institutionId, weights, "fitted", summary, ct);
            applied = true;
        }
        return new Result([], day, fitted, brier, currentResult, current, factors, weights, words, applied);
    }

    /// <summary>The learned weights in words, strongest first.</summary>
    public static List<string> Words(RiskWeights weights, IReadOnlyList<Factor> factors)
    {
        var words = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"a student with every factor clear: {RiskScore.Chance(weights, []):0.#}% chance of withdrawing or failing"),
        };
        foreach (var f in factors.Where(f => f.Coefficient > 0).OrderByDescending(f => f.Coefficient))
        {
            words.Add(string.Create(CultureInfo.InvariantCulture,
                $"{f.Name}: at its worst it multiplies the odds by {Math.Exp((double)f.Coefficient):0.0} (coefficient {f.Coefficient:0.00})"));
        }
        var unused = factors.Where(f => f.Coefficient <= 0).Select(f => f.Name).ToList();
        if (unused.Count > 0)
        {
            words.Add($"no weight: {string.Join(", ", unused)} — in this history they added nothing the others did not already tell, "
                + "were too rare to learn from, or marked students who did better");
        }
        return words;
    }
}

using Caseload.Core.Data;
using Caseload.Core.Features.Imports;
using Caseload.Core.Rules;

namespace Caseload.Core.Features.Risk;

/// <summary>
/// Checks the institution's current weights against real outcomes: each listed student's score as it stood on the as-of
/// day (<see cref="RiskHistory"/>), then the ROC AUC with a bootstrap 95% interval, the top 10% and 20%, and calibration.
/// </summary>
public sealed class EvaluateRisk(CaseloadDbContext db, RiskHistory history)
{
    /// <summary>Bootstrap resamples for the AUC's interval.</summary>
    public const int Resamples = 1000;

    public sealed record Result(IReadOnlyList<ImportProblem> Problems, RiskEvaluation.Result? Evaluation, DateOnly AsOf);

    public async Task<Result> HandleAsync(int institutionId, string fileName, Stream content, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var day = history.AsOf(asOf);
        var outcomes = await history.ReadAsync(institutionId, fileName, content, ct);
        if (outcomes.Problems.Count > 0)
        {
            return new Result(outcomes.Problems, null, day);
        }
        var weights = await SetRiskWeights.ReadAsync(db, institutionId, ct);
        var inputs = await history.InputsAsync(institutionId, [.. outcomes.Students.Select(s => s.StudentId)], day, ct);
        var cases = outcomes.Students.Where(s => inputs.ContainsKey(s.StudentId))
            .Select(s => ((double)RiskScore.Assess(inputs[s.StudentId], weights).Points, s.Bad)).ToList();
        return new Result([], RiskEvaluation.Evaluate(cases, Resamples), day);
    }
}

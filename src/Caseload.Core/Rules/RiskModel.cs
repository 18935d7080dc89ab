using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Caseload.Core.Rules;

/// <summary>
/// Learns early-warning weights from an institution's own outcomes (decision 0019): a logistic regression of "withdrew or
/// failed" on the factors' severities (each 0–1, the same curves the score uses), fitted by ML.NET's L-BFGS trainer with
/// L1 and L2 regularisation and non-negative coefficients — a factor can only raise the chance, so every reason still
/// reads "this made it worse", and a factor that does not help (or that marks students who do better) gets 0.
/// Judged honestly by k-fold cross-validation: each student's chance comes from a model that never saw them.
/// </summary>
public static class RiskModel
{
    public sealed record Fit(double Intercept, IReadOnlyList<double> Coefficients)
    {
        public double Chance(IReadOnlyList<double> x)
        {
            var z = Intercept;
            for (var i = 0; i < x.Count; i++)
            {
                z += Coefficients[i] * x[i];
            }
            return 1 / (1 + Math.Exp(-z));
        }
    }

    private sealed class Row
    {
        public bool Label { get; set; }
        public float[] Features { get; set; } = [];
    }

    /// <summary>L1 and L2 regularisation (ML.NET's defaults): enough to set a useless factor to 0 on small data.</summary>
    public const float L1 = 1f, L2 = 1f;

    /// <param name="x">One row per student: each factor's severity.</param>
    /// <param name="y">Whether the student withdrew or failed.</param>
    public static Fit Train(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<bool> y)
    {
        var k = x.Count == 0 ? 0 : x[0].Count;
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, k);
        var data = ml.Data.LoadFromEnumerable(x.Select((row, i) => new Row { Label = y[i], Features = [.. row.Select(v => (float)v)] }), schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            EnforceNonNegativity = true,
            L1Regularization = L1,
            L2Regularization = L2,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data).Model.SubModel;
        return new Fit(model.Bias, [.. model.Weights.Select(w => (double)w)]);
    }

    /// <summary>
    /// Each student's chance from a model trained on the other folds (<paramref name="folds"/> folds, each with its share of
    /// both outcomes, students dealt to them in a fixed shuffled order so the same data gives the same answer).
    /// </summary>
    public static double[] CrossValidate(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<bool> y, int folds = 5, int seed = 20261203)
    {
        var random = new Random(seed);
        var fold = new int[x.Count];
        foreach (var outcome in new[] { true, false })
        {
            var members = Enumerable.Range(0, x.Count).Where(i => y[i] == outcome).OrderBy(_ => random.Next()).ToList();
            for (var j = 0; j < members.Count; j++)
            {
                fold[members[j]] = j % folds;
            }
        }
        var chances = new double[x.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, x.Count).Where(i => fold[i] != f).ToList();
            var fit = Train([.. train.Select(i => x[i])], [.. train.Select(i => y[i])]);
            for (var i = 0; i < x.Count; i++)
            {
                if (fold[i] == f)
                {
                    chances[i] = fit.Chance(x[i]);
                }
            }
        }
        return chances;
    }
}

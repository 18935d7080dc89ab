namespace Caseload.Core.Rules;

/// <summary>
/// How well a score picked out the students who went on to withdraw or fail, from real outcomes: the ROC AUC (the
/// chance that a student who withdrew or failed scored higher than one who completed; ties count half) with a bootstrap
/// 95% interval, precision and recall among the highest-scoring 10% and 20%, and a calibration table (students, the
/// share with a bad outcome and the mean score in each band of 10 points).
/// </summary>
public static class RiskEvaluation
{
    public sealed record TopShare(int Percent, int Students, int Positives, decimal? Precision, decimal? Recall);

    public sealed record Band(int From, int To, int Students, int Positives, double MeanScore)
    {
        public decimal? Rate => Students == 0 ? null : (decimal)Positives / Students;
    }

    public sealed record Result(int Students, int Positives, decimal? Auc, IReadOnlyList<TopShare> Top, IReadOnlyList<Band> Calibration,
        (decimal Low, decimal High)? AucInterval = null);

    /// <param name="cases">Each student's score (0–100) and whether the outcome was bad (withdrawn or failed).</param>
    /// <param name="resamples">Bootstrap resamples for the AUC's 95% interval (0 for none).</param>
    public static Result Evaluate(IReadOnlyList<(double Score, bool Positive)> cases, int resamples = 0)
    {
        var positives = cases.Count(c => c.Positive);
        var auc = Auc(cases);
        // Highest scores first; within a tied score, the order given (documented: ties at the cut are split by input order).
        var byScore = cases.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Score).ThenBy(x => x.i).Select(x => x.c).ToList();
        var top = new[] { 10, 20 }.Select(pct =>
        {
            var n = (int)Math.Ceiling(cases.Count * pct / 100m);
            var hits = byScore.Take(n).Count(c => c.Positive);
            return new TopShare(pct, n, hits, n == 0 ? null : (decimal)hits / n, positives == 0 ? null : (decimal)hits / positives);
        }).ToList();
        var bands = Enumerable.Range(0, 10).Select(b =>
        {
            var from = b * 10;
            var inBand = cases.Where(c => b == 9 ? c.Score >= 90 : c.Score >= from && c.Score < from + 10).ToList();
            return new Band(from, b == 9 ? 100 : from + 9, inBand.Count, inBand.Count(c => c.Positive), inBand.Count == 0 ? 0 : inBand.Average(c => c.Score));
        }).ToList();
        return new Result(cases.Count, positives, auc is null ? null : (decimal)auc.Value, top, bands, resamples > 0 ? Interval(cases, resamples) : null);
    }

    /// <summary>The ROC AUC (Mann–Whitney, ties counting half); null without both kinds of outcome.</summary>
    public static double? Auc(IReadOnlyList<(double Score, bool Positive)> cases)
    {
        var order = Enumerable.Range(0, cases.Count).OrderBy(i => cases[i].Score).ToArray();
        return WeightedAuc(cases, order, null);
    }

    /// <summary>
    /// A 95% interval for the AUC: the 2.5th and 97.5th percentiles over bootstrap resamples of the students (drawn with
    /// replacement, a fixed seed so the same data gives the same interval).
    /// </summary>
    public static (decimal Low, decimal High)? Interval(IReadOnlyList<(double Score, bool Positive)> cases, int resamples, int seed = 20261203)
    {
        var order = Enumerable.Range(0, cases.Count).OrderBy(i => cases[i].Score).ToArray();
        var random = new Random(seed);
        var counts = new int[cases.Count];
        var values = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            Array.Clear(counts);
            for (var i = 0; i < cases.Count; i++)
            {
                counts[random.Next(cases.Count)]++;
            }
            if (WeightedAuc(cases, order, counts) is { } a)
            {
                values.Add(a);
            }
        }
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        return ((decimal)values[(int)Math.Floor(0.025 * (values.Count - 1))], (decimal)values[(int)Math.Ceiling(0.975 * (values.Count - 1))]);
    }

    /// <summary>One pass over the students in score order, each counted <paramref name="counts"/> times (once when null).</summary>
    private static double? WeightedAuc(IReadOnlyList<(double Score, bool Positive)> cases, int[] order, int[]? counts)
    {
        double negativesBelow = 0, pairs = 0, totalPositives = 0, totalNegatives = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            double groupPositives = 0, groupNegatives = 0;
            while (j < order.Length && cases[order[j]].Score == cases[order[i]].Score)
            {
                var w = counts?[order[j]] ?? 1;
                if (cases[order[j]].Positive)
                {
                    groupPositives += w;
                }
                else
                {
                    groupNegatives += w;
                }
                j++;
            }
            pairs += groupPositives * (negativesBelow + groupNegatives / 2);
            negativesBelow += groupNegatives;
            totalPositives += groupPositives;
            totalNegatives += groupNegatives;
            i = j;
        }
        return totalPositives == 0 || totalNegatives == 0 ? null : pairs / (totalPositives * totalNegatives);
    }

    /// <summary>The Brier score: the mean squared difference between the chance given (0–1) and what happened (0 or 1).</summary>
    public static double Brier(IReadOnlyList<(double Chance, bool Positive)> cases) =>
        cases.Count == 0 ? 0 : cases.Average(c => Math.Pow(c.Chance - (c.Positive ? 1 : 0), 2));
}

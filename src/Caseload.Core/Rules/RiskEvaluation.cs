namespace Caseload.Core.Rules;

/// <summary>
/// How well the risk score picked out the students who went on to withdraw or fail, from real outcomes: the ROC AUC
/// (the chance that a student who withdrew or failed scored higher than one who completed; ties count half), precision
/// and recall among the highest-scoring 10% and 20%, and a calibration table (students and the share with a bad
/// outcome in each band of 10 points).
/// </summary>
public static class RiskEvaluation
{
    public sealed record TopShare(int Percent, int Students, int Positives, decimal? Precision, decimal? Recall);

    public sealed record Band(int From, int To, int Students, int Positives)
    {
        public decimal? Rate => Students == 0 ? null : (decimal)Positives / Students;
    }

    public sealed record Result(int Students, int Positives, decimal? Auc, IReadOnlyList<TopShare> Top, IReadOnlyList<Band> Calibration);

    /// <param name="cases">Each student's score and whether the outcome was bad (withdrawn or failed).</param>
    public static Result Evaluate(IReadOnlyList<(int Score, bool Positive)> cases)
    {
        var positives = cases.Count(c => c.Positive);
        var negatives = cases.Count - positives;
        decimal? auc = null;
        if (positives > 0 && negatives > 0)
        {
            // Mann–Whitney: average ranks, ties sharing their ranks.
            var ordered = cases.OrderBy(c => c.Score).ToList();
            decimal positiveRanks = 0;
            for (var i = 0; i < ordered.Count;)
            {
                var j = i;
                while (j < ordered.Count && ordered[j].Score == ordered[i].Score)
                {
                    j++;
                }
                var rank = (i + 1 + j) / 2m;
                positiveRanks += rank * ordered.Skip(i).Take(j - i).Count(c => c.Positive);
                i = j;
            }
            auc = (positiveRanks - positives * (positives + 1) / 2m) / ((decimal)positives * negatives);
        }
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
            var to = b == 9 ? 100 : from + 9;
            var inBand = cases.Where(c => b == 9 ? c.Score >= 90 : c.Score >= from && c.Score <= to).ToList();
            return new Band(from, to, inBand.Count, inBand.Count(c => c.Positive));
        }).ToList();
        return new Result(cases.Count, positives, auc, top, bands);
    }
}

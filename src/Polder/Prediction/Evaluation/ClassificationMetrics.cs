namespace Polder.Prediction.Evaluation;

/// <summary>Metrics of probabilistic binary predictions.</summary>
public static class ClassificationMetrics
{
    /// <summary>Area under the ROC curve (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var idx = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSumPos = 0; long pos = 0, neg = 0;
        for (int i = 0; i < idx.Length;)
        {
            int j = i;
            while (j < idx.Length && scores[idx[j]] == scores[idx[i]]) j++;
            double rank = (i + j + 1) / 2.0; // average 1-based rank
            for (int k = i; k < j; k++) if (labels[idx[k]]) { rankSumPos += rank; pos++; } else neg++;
            i = j;
        }
        return pos == 0 || neg == 0 ? double.NaN : (rankSumPos - pos * (pos + 1) / 2.0) / (pos * (double)neg);
    }

    /// <summary>Mean squared error of probabilities.</summary>
    public static double Brier(IReadOnlyList<double> p, IReadOnlyList<bool> labels) =>
        Enumerable.Range(0, p.Count).Average(i => (p[i] - (labels[i] ? 1 : 0)) * (p[i] - (labels[i] ? 1 : 0)));

    /// <summary>Mean log loss of probabilities (clipped at 1e-15).</summary>
    public static double LogLoss(IReadOnlyList<double> p, IReadOnlyList<bool> labels) =>
        -Enumerable.Range(0, p.Count).Average(i => Math.Log(Math.Clamp(labels[i] ? p[i] : 1 - p[i], 1e-15, 1)));

    /// <summary>
    /// Expected calibration error: predictions sorted into <paramref name="bins"/> bins of equal count, and the
    /// count-weighted mean of |mean probability − observed rate| over the bins (0 = perfectly calibrated).
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<double> p, IReadOnlyList<bool> labels, int bins = 10) =>
        Reliability(p, labels, bins).Sum(b => b.Count * Math.Abs(b.MeanProbability - b.ObservedRate)) / p.Count;

    /// <summary>The reliability table: predictions sorted by probability into <paramref name="bins"/> bins of equal count.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<double> p, IReadOnlyList<bool> labels, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (p.Count != labels.Count) throw new ArgumentException("one label per probability", nameof(labels));
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var result = new List<ReliabilityBin>(bins);
        for (int b = 0; b < bins; b++)
        {
            int from = (int)((long)order.Length * b / bins), to = (int)((long)order.Length * (b + 1) / bins);
            if (to <= from) continue;
            double sp = 0; int pos = 0;
            for (int k = from; k < to; k++) { sp += p[order[k]]; if (labels[order[k]]) pos++; }
            result.Add(new ReliabilityBin(to - from, sp / (to - from), (double)pos / (to - from)));
        }
        return result;
    }
}

/// <summary>One bin of a reliability table.</summary>
/// <param name="Count">Predictions in the bin.</param>
/// <param name="MeanProbability">Their mean predicted probability.</param>
/// <param name="ObservedRate">The share of them that were positive.</param>
public readonly record struct ReliabilityBin(int Count, double MeanProbability, double ObservedRate);

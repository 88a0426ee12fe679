namespace Polder.Prediction;

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
}

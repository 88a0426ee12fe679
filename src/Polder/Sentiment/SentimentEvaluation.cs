namespace Polder.Sentiment;

/// <summary>Precision, recall, F1 and support of one class.</summary>
/// <param name="Label">The class.</param>
/// <param name="Precision">Precision.</param>
/// <param name="Recall">Recall.</param>
/// <param name="F1">F1.</param>
/// <param name="Support">Number of gold examples.</param>
public sealed record ClassScore(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Accuracy, macro-F1 and per-class scores of predicted against gold labels. Macro-F1 averages over the
/// union of gold and predicted labels (as scikit-learn's <c>f1_score(average="macro")</c> and
/// <c>eval_labels.py</c>).
/// </summary>
/// <param name="Count">Number of examples.</param>
/// <param name="Accuracy">Share of correct predictions.</param>
/// <param name="MacroF1">Unweighted mean F1 over classes.</param>
/// <param name="Classes">Per-class scores, ordered by label.</param>
public sealed record SentimentEvaluation(int Count, double Accuracy, double MacroF1, IReadOnlyList<ClassScore> Classes)
{
    /// <summary>Scores aligned sequences of gold and predicted labels.</summary>
    public static SentimentEvaluation Compute(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count) throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions");
        var labels = gold.Concat(predicted).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToList();
        int correct = 0;
        var tp = new Dictionary<string, int>(); var fp = new Dictionary<string, int>(); var fn = new Dictionary<string, int>();
        foreach (var l in labels) { tp[l] = 0; fp[l] = 0; fn[l] = 0; }
        for (int i = 0; i < gold.Count; i++)
        {
            if (gold[i] == predicted[i]) { correct++; tp[gold[i]]++; }
            else { fn[gold[i]]++; fp[predicted[i]]++; }
        }
        var classes = labels.Select(l =>
        {
            double p = tp[l] + fp[l] == 0 ? 0 : (double)tp[l] / (tp[l] + fp[l]);
            double r = tp[l] + fn[l] == 0 ? 0 : (double)tp[l] / (tp[l] + fn[l]);
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return new ClassScore(l, p, r, f, tp[l] + fn[l]);
        }).ToList();
        return new SentimentEvaluation(gold.Count, gold.Count == 0 ? 0 : (double)correct / gold.Count,
            classes.Count == 0 ? 0 : classes.Average(c => c.F1), classes);
    }

    /// <summary>Scores aligned gold and predicted <see cref="SentimentLabel"/>s.</summary>
    public static SentimentEvaluation Compute(IReadOnlyList<SentimentLabel> gold, IReadOnlyList<SentimentLabel> predicted) =>
        Compute(gold.Select(g => g.ToName()).ToList(), predicted.Select(p => p.ToName()).ToList());
}

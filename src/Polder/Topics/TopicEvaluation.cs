namespace Polder.Topics;

/// <summary>Accuracy and macro-F1 of a classifier on labelled texts.</summary>
/// <param name="Count">Number of evaluated texts.</param>
/// <param name="Accuracy">Share of texts whose predicted label is the gold label.</param>
/// <param name="MacroF1">Unweighted mean F1 over the labels that occur in the gold labels or the predictions (as scikit-learn).</param>
public sealed record TopicEvaluation(int Count, double Accuracy, double MacroF1)
{
    /// <summary>Evaluates <paramref name="classifier"/> on <paramref name="texts"/> against <paramref name="gold"/>.</summary>
    public static TopicEvaluation Evaluate(TopicClassifier classifier, IReadOnlyList<string> texts, IReadOnlyList<string> gold)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var predicted = texts.Select(t => classifier.PredictLabel(t)).ToArray();
        return Score(gold, predicted);
    }

    /// <summary>Scores predicted labels against gold labels.</summary>
    public static TopicEvaluation Score(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("gold and predicted differ in length");
        if (gold.Count == 0) return new TopicEvaluation(0, 0, 0);
        var labels = gold.Concat(predicted).Distinct(StringComparer.Ordinal).ToArray();
        int correct = 0;
        var tp = new Dictionary<string, int>(StringComparer.Ordinal);
        var fp = new Dictionary<string, int>(StringComparer.Ordinal);
        var fn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < gold.Count; i++)
        {
            if (gold[i] == predicted[i]) { correct++; tp[gold[i]] = tp.GetValueOrDefault(gold[i]) + 1; }
            else { fp[predicted[i]] = fp.GetValueOrDefault(predicted[i]) + 1; fn[gold[i]] = fn.GetValueOrDefault(gold[i]) + 1; }
        }
        double f1Sum = 0;
        foreach (var l in labels)
        {
            int t = tp.GetValueOrDefault(l), p = fp.GetValueOrDefault(l), n = fn.GetValueOrDefault(l);
            f1Sum += t == 0 ? 0 : 2.0 * t / (2.0 * t + p + n);
        }
        return new TopicEvaluation(gold.Count, correct / (double)gold.Count, f1Sum / labels.Length);
    }
}

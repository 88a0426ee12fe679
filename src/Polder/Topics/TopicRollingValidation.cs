namespace Polder.Topics;

/// <summary>One fold of <see cref="TopicRollingValidation"/>: trained on every earlier period, scored on one.</summary>
/// <param name="Period">The validation period.</param>
/// <param name="TrainCount">Training texts (all earlier periods).</param>
/// <param name="Evaluation">Accuracy and macro-F1 on the period's texts.</param>
public sealed record TopicFold(string Period, int TrainCount, TopicEvaluation Evaluation);

/// <summary>
/// Rolling (expanding-window) time-split validation: for every period but the first, train on all earlier periods
/// and score on that period, so that settings are chosen the way a model is used (on texts later than its
/// training data) and on several splits rather than one.
/// </summary>
public static class TopicRollingValidation
{
    /// <summary>
    /// The folds, in period order. <paramref name="periods"/> are compared ordinally (e.g. <c>yyyy-MM</c>);
    /// <paramref name="minimumTrainingPeriods"/> earlier periods are required before a period is validated.
    /// <paramref name="terminology"/>: its pseudo-texts of the labels a fold's training texts have are added to the
    /// fold's training texts (as the earliest period).
    /// </summary>
    public static IReadOnlyList<TopicFold> Run(IReadOnlyList<string> texts, IReadOnlyList<string> labels, IReadOnlyList<string> periods,
        TopicClassifierOptions options, int minimumTrainingPeriods = 1, ThemeTerminology? terminology = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(periods);
        if (texts.Count != labels.Count || texts.Count != periods.Count) throw new ArgumentException("texts, labels and periods differ in length");
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumTrainingPeriods, 1);
        var distinct = periods.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var trainer = new TopicClassifierTrainer(options);
        var folds = new List<TopicFold>();
        for (int p = minimumTrainingPeriods; p < distinct.Length; p++)
        {
            var train = Enumerable.Range(0, texts.Count).Where(i => string.CompareOrdinal(periods[i], distinct[p]) < 0).ToArray();
            var test = Enumerable.Range(0, texts.Count).Where(i => periods[i] == distinct[p]).ToArray();
            var model = TopicClassifierTrainer.TrainWith(trainer, train.Select(i => texts[i]).ToArray(), train.Select(i => labels[i]).ToArray(), train.Select(i => periods[i]).ToArray(), terminology);
            var e = TopicEvaluation.Evaluate(model, test.Select(i => texts[i]).ToArray(), test.Select(i => labels[i]).ToArray());
            options.Log?.Invoke($"fold {distinct[p]}: train {train.Length}, accuracy {e.Accuracy:0.0000}, macro-F1 {e.MacroF1:0.0000}");
            folds.Add(new TopicFold(distinct[p], train.Length, e));
        }
        return folds;
    }
}

using Polder.Prediction.Engagement;
using Polder.Prediction.Evaluation;
using Polder.Prediction.Learners;

namespace Polder.Prediction.Retention;

/// <summary>Result of <see cref="ActorRetentionEvaluation.TimeSplit"/>.</summary>
/// <param name="Auc">AUC of the model on the test origins.</param>
/// <param name="RecencyAuc">AUC of the recency baseline (fewer days since the last post = more likely active).</param>
/// <param name="FrequencyAuc">AUC of the frequency baseline (posts in the last window, ties broken by the last 90 days).</param>
/// <param name="Brier">Brier score of the model on the test origins.</param>
/// <param name="TrainRows">Actor × origin rows in training.</param>
/// <param name="TestRows">Actor × origin rows in the test.</param>
/// <param name="TestPositiveRate">Share of test rows whose actor was active in the next window.</param>
/// <param name="CalibrationError">Expected calibration error of the model on the test origins (10 equal-count bins).</param>
public readonly record struct RetentionScore(double Auc, double RecencyAuc, double FrequencyAuc, double Brier, int TrainRows, int TestRows, double TestPositiveRate, double CalibrationError);

/// <summary>
/// Time-split evaluation of <see cref="ActorRetentionModel"/>: origins every window from the first post; training uses
/// origins whose next window ends before the split, the test the origins from the split on.
/// </summary>
public static class ActorRetentionEvaluation
{
    /// <summary>Builds rows at every origin, trains before <paramref name="split"/>, scores from it (origins whose window ends after the last post are skipped).</summary>
    /// <param name="posts">The community's messages.</param>
    /// <param name="split">Training origins' windows end by it; test origins start at it.</param>
    /// <param name="windowDays">Length of the window (the grid step and the label's horizon).</param>
    /// <param name="options">Boosting settings (<see cref="ActorRetentionModel.DefaultOptions"/> when null).</param>
    /// <param name="table">Actor-table columns to append to every row (each origin's table from posts before it); null: none.</param>
    /// <param name="end">When set, only test origins whose window ends by it (a development period before a held-out test).</param>
    public static (RetentionScore Score, ActorRetentionModel Model) TimeSplit(IReadOnlyList<EngagementPost> posts, DateTimeOffset split, int windowDays = 30,
        GradientBoostingOptions? options = null, ActorTableColumns? table = null, DateTimeOffset? end = null)
    {
        long s = split.ToUnixTimeSeconds(), window = windowDays * 86400L;
        long first = posts.Min(p => p.Created), last = posts.Max(p => p.Created);
        if (end is { } e) last = Math.Min(last, e.ToUnixTimeSeconds());
        // Posts from the last window's end on are never read (neither as features nor as labels).
        var source = table is null ? null : new ActorTableSource(posts.Where(p => p.Created < last).ToArray(), table);
        var trainX = new List<float>(); var trainY = new List<bool>(); var testX = new List<float>(); var testY = new List<bool>();
        // Origins on a grid anchored at the split, so that the split itself is an origin.
        long start = s - (s - first) / window * window + window;
        for (long origin = start; origin + window <= last; origin += window)
        {
            bool train = origin + window <= s;
            if (!train && origin < s) continue;
            var (_, x, y) = ActorRetentionFeatures.Build(posts, origin, windowDays, true, source);
            (train ? trainX : testX).AddRange(x);
            (train ? trainY : testY).AddRange(y);
        }
        if (trainY.Count == 0 || testY.Count == 0) throw new ArgumentException($"no {(trainY.Count == 0 ? "training" : "test")} rows: the split lies outside the data");
        var model = ActorRetentionModel.Train([.. trainX], [.. trainY], options, table, windowDays);
        int d = model.FeatureNames.Count, n = testY.Count;
        var tx = testX.ToArray();
        var p = Enumerable.Range(0, n).Select(i => model.Predict(tx.AsSpan(i * d, d))).ToArray();
        var recency = Enumerable.Range(0, n).Select(i => -(double)tx[i * d + 3]).ToArray();
        var frequency = Enumerable.Range(0, n).Select(i => tx[i * d] + tx[i * d + 1] / 1000.0).ToArray();
        return (new RetentionScore(ClassificationMetrics.Auc(p, testY), ClassificationMetrics.Auc(recency, testY), ClassificationMetrics.Auc(frequency, testY),
            ClassificationMetrics.Brier(p, testY), trainY.Count, n, testY.Average(b => b ? 1.0 : 0), ClassificationMetrics.ExpectedCalibrationError(p, testY)), model);
    }
}

using Polder.Prediction.Evaluation;
using Polder.Prediction.Learners;
using Polder.Prediction.Retention;

namespace Polder.Prediction.Engagement;

/// <summary>Result of <see cref="EngagementEvaluation.TimeSplit"/>.</summary>
/// <param name="Auc">Area under the ROC curve on the test period.</param>
/// <param name="Brier">Brier score on the test period.</param>
/// <param name="LogLoss">Log loss on the test period.</param>
/// <param name="TrainPosts">Posts in the training period.</param>
/// <param name="TestPosts">Posts in the test period.</param>
/// <param name="TestPositiveRate">Share of test posts that got a reply in the window.</param>
/// <param name="CalibrationError">Expected calibration error on the test period (10 equal-count bins).</param>
public readonly record struct EngagementScore(double Auc, double Brier, double LogLoss, int TrainPosts, int TestPosts, double TestPositiveRate, double CalibrationError);

/// <summary>Time-aware evaluation of <see cref="EngagementModel"/>: a time split (train on posts before a date, test on posts
/// from it) or a rolling origin (the same at every step).</summary>
public static class EngagementEvaluation
{
    /// <summary>Builds features and labels, trains on posts created before <paramref name="split"/>, scores posts from then on.</summary>
    /// <remarks>Training posts whose window reaches past the split are left out of training, so no outcome from the test period is used.</remarks>
    /// <param name="posts">The community's messages.</param>
    /// <param name="split">Training posts' windows close by it; test posts are created from it on.</param>
    /// <param name="options">Boosting settings (<see cref="EngagementModel.DefaultOptions"/> when null).</param>
    /// <param name="window">Reply window in seconds.</param>
    /// <param name="table">Actor-table columns to append (the author's row at the start of the post's month); null: none.</param>
    /// <param name="end">When set, only test posts whose window closes by it, and no post from it on is read (a
    /// development period before a held-out test).</param>
    public static (EngagementScore Score, EngagementModel Model) TimeSplit(IReadOnlyList<EngagementPost> posts, DateTimeOffset split, GradientBoostingOptions? options = null,
        long window = 86400, ActorTableColumns? table = null, DateTimeOffset? end = null)
    {
        if (end is { } e) { long stop = e.ToUnixTimeSeconds(); posts = posts.Where(p => p.Created < stop).ToArray(); }
        var x = EngagementFeatures.Build(posts, window, table);
        var y = EngagementFeatures.Labels(posts, window);
        long s = split.ToUnixTimeSeconds(), last = end?.ToUnixTimeSeconds() ?? long.MaxValue;
        int d = EngagementFeatures.NamesWith(table).Count;
        var train = Enumerable.Range(0, posts.Count).Where(i => posts[i].Created + window <= s).ToArray();
        var test = Enumerable.Range(0, posts.Count).Where(i => posts[i].Created >= s && (end is null || posts[i].Created + window <= last)).ToArray();
        if (train.Length == 0 || test.Length == 0) throw new ArgumentException($"no {(train.Length == 0 ? "training" : "test")} posts: the split lies outside the data");
        var xt = EngagementFeatures.Rows(x, train, d);
        var weights = EngagementModel.RecencyWeights(train.Select(i => posts[i].Created), s);
        var model = EngagementModel.Train(xt, train.Select(i => y[i]).ToArray(), options, weights, table);
        var p = test.Select(i => model.Predict(x.AsSpan(i * d, d))).ToArray();
        var yt = test.Select(i => y[i]).ToArray();
        return (Score(p, yt, train.Length), model);
    }

    /// <summary>
    /// Rolling-origin evaluation (never trains on the future): from <paramref name="firstOrigin"/> every
    /// <paramref name="stepDays"/> days, a model is trained on the posts whose window closed by the origin and predicts the
    /// posts of the next step whose window closes within the data; the pooled score covers every step's predictions.
    /// </summary>
    /// <param name="posts">The community's messages.</param>
    /// <param name="firstOrigin">The first origin.</param>
    /// <param name="stepDays">Days between origins (and the length of each test step).</param>
    /// <param name="options">Boosting settings (<see cref="EngagementModel.DefaultOptions"/> when null).</param>
    /// <param name="window">Reply window in seconds.</param>
    /// <param name="table">Actor-table columns to append; null: none.</param>
    /// <returns>The pooled score (its <see cref="EngagementScore.TrainPosts"/> is the last origin's training set) and one score per origin.</returns>
    /// <exception cref="ArgumentException">No origin has both training and test posts.</exception>
    public static (EngagementScore Pooled, IReadOnlyList<(DateTimeOffset Origin, EngagementScore Score)> ByOrigin) RollingOrigin(IReadOnlyList<EngagementPost> posts,
        DateTimeOffset firstOrigin, int stepDays = 30, GradientBoostingOptions? options = null, long window = 86400, ActorTableColumns? table = null)
    {
        if (stepDays < 1) throw new ArgumentOutOfRangeException(nameof(stepDays), stepDays, "at least one day");
        // Every feature is computed from what was known when its post was made, so one build serves all origins.
        var x = EngagementFeatures.Build(posts, window, table);
        var y = EngagementFeatures.Labels(posts, window);
        int d = EngagementFeatures.NamesWith(table).Count;
        long last = posts.Count == 0 ? 0 : posts.Max(p => p.Created), step = stepDays * 86400L;
        var pooledP = new List<double>(); var pooledY = new List<bool>();
        var byOrigin = new List<(DateTimeOffset, EngagementScore)>();
        int lastTrain = 0;
        for (long o = firstOrigin.ToUnixTimeSeconds(); o + window <= last; o += step)
        {
            var train = Enumerable.Range(0, posts.Count).Where(i => posts[i].Created + window <= o).ToArray();
            var test = Enumerable.Range(0, posts.Count).Where(i => posts[i].Created >= o && posts[i].Created < o + step && posts[i].Created + window <= last).ToArray();
            if (train.Length == 0 || test.Length == 0 || !train.Any(i => y[i]) || train.All(i => y[i])) continue;
            var model = EngagementModel.Train(EngagementFeatures.Rows(x, train, d), train.Select(i => y[i]).ToArray(), options,
                EngagementModel.RecencyWeights(train.Select(i => posts[i].Created), o), table, window);
            var p = test.Select(i => model.Predict(x.AsSpan(i * d, d))).ToArray();
            var yt = test.Select(i => y[i]).ToArray();
            byOrigin.Add((DateTimeOffset.FromUnixTimeSeconds(o), Score(p, yt, train.Length)));
            pooledP.AddRange(p); pooledY.AddRange(yt);
            lastTrain = train.Length;
        }
        if (byOrigin.Count == 0) throw new ArgumentException("no origin has training and test posts: the first origin lies outside the data");
        return (Score([.. pooledP], [.. pooledY], lastTrain), byOrigin);
    }

    private static EngagementScore Score(double[] p, bool[] y, int trainPosts) =>
        new(ClassificationMetrics.Auc(p, y), ClassificationMetrics.Brier(p, y), ClassificationMetrics.LogLoss(p, y), trainPosts, y.Length,
            y.Average(b => b ? 1.0 : 0), ClassificationMetrics.ExpectedCalibrationError(p, y));
}

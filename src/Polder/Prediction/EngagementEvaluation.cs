namespace Polder.Prediction;

/// <summary>Result of <see cref="EngagementEvaluation.TimeSplit"/>.</summary>
/// <param name="Auc">Area under the ROC curve on the test period.</param>
/// <param name="Brier">Brier score on the test period.</param>
/// <param name="LogLoss">Log loss on the test period.</param>
/// <param name="TrainPosts">Posts in the training period.</param>
/// <param name="TestPosts">Posts in the test period.</param>
/// <param name="TestPositiveRate">Share of test posts that got a reply in the window.</param>
/// <param name="CalibrationError">Expected calibration error on the test period (10 equal-count bins).</param>
public readonly record struct EngagementScore(double Auc, double Brier, double LogLoss, int TrainPosts, int TestPosts, double TestPositiveRate, double CalibrationError);

/// <summary>Time-split evaluation of <see cref="EngagementModel"/>: train on posts before a date, test on posts from it.</summary>
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
        return (new EngagementScore(ClassificationMetrics.Auc(p, yt), ClassificationMetrics.Brier(p, yt), ClassificationMetrics.LogLoss(p, yt), train.Length, test.Length, yt.Average(b => b ? 1.0 : 0),
            ClassificationMetrics.ExpectedCalibrationError(p, yt)), model);
    }
}

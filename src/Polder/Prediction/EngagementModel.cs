namespace Polder.Prediction;

/// <summary>
/// Predicts whether a post will get a reply within a window (24 h by default) from the features of
/// <see cref="EngagementFeatures"/>, with gradient-boosted trees (log loss, so the output is a probability).
/// Immutable and thread-safe: one instance serves any number of concurrent callers; no per-call allocation.
/// </summary>
public sealed class EngagementModel
{
    private const string FormatTag = "PolderEngagement1";
    private readonly NamedFeatureTrees _trees;

    private EngagementModel(NamedFeatureTrees trees) => _trees = trees;

    /// <summary>The default boosting settings (chosen on a validation slice of the training period).</summary>
    public static GradientBoostingOptions DefaultOptions { get; } = new()
    {
        Trees = 150, LearningRate = 0.05, MaxDepth = 3, MinLeafWeight = 20, Loss = BoostingLoss.Logistic, RowSubsample = 0.8, FeatureSubsample = 0.8, Seed = 42,
    };

    /// <summary>Feature names, in vector order.</summary>
    public IReadOnlyList<string> FeatureNames => EngagementFeatures.Names;

    /// <summary>Trains on rows <paramref name="features"/> (row-major, <see cref="EngagementFeatures.Count"/> per row).</summary>
    /// <param name="features">Row-major features.</param>
    /// <param name="labels">Outcome per row.</param>
    /// <param name="options">Boosting settings (<see cref="DefaultOptions"/> when null).</param>
    /// <param name="weights">Optional row weights, e.g. <see cref="RecencyWeights"/> so recent behaviour counts more.</param>
    public static EngagementModel Train(float[] features, bool[] labels, GradientBoostingOptions? options = null, double[]? weights = null)
    {
        return new EngagementModel(NamedFeatureTrees.Train(features, EngagementFeatures.Names, labels, weights, options ?? DefaultOptions));
    }

    /// <summary>Row weights halving every <paramref name="halfLifeDays"/> before <paramref name="now"/> (Unix s), normalised to mean 1.</summary>
    public static double[] RecencyWeights(IEnumerable<long> created, long now, double halfLifeDays = 365)
    {
        var w = created.Select(t => Math.Pow(0.5, (now - t) / 86400.0 / halfLifeDays)).ToArray();
        double mean = w.Average();
        return w.Select(v => v / mean).ToArray();
    }

    /// <summary>The probability of a reply within the window for one post's features.</summary>
    public double Predict(ReadOnlySpan<float> features) => _trees.Predict(features);

    /// <summary>Each feature's contribution (log-odds) to one prediction; <c>base</c> is the expected log-odds.</summary>
    public IReadOnlyList<FeatureContribution> Explain(ReadOnlySpan<float> features) => _trees.Explain(features);

    /// <summary>Writes the model to <paramref name="stream"/> (left open).</summary>
    public void Save(Stream stream) => _trees.Save(stream, FormatTag);

    /// <summary>Reads a model written by <see cref="Save"/>; fails when its features differ from this version's.</summary>
    public static EngagementModel Load(Stream stream) =>
        new(NamedFeatureTrees.Load(stream, FormatTag, EngagementFeatures.Names, "engagement model"));
}

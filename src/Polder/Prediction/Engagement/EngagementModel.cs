using Polder.Prediction.Features;
using Polder.Prediction.Learners;
using Polder.Prediction.Opinion;
using Polder.Prediction.Retention;

namespace Polder.Prediction.Engagement;

/// <summary>
/// Predicts whether a post will get a reply within a window (24 h by default) from the features of
/// <see cref="EngagementFeatures"/> (optionally followed by the author's <see cref="ActorFeatureTable"/> row, <see cref="Table"/>),
/// with gradient-boosted trees (log loss, so the output is a probability).
/// Immutable and thread-safe: one instance serves any number of concurrent callers; no per-call allocation.
/// </summary>
public sealed class EngagementModel
{
    private const string TagStem = "PolderEngagement";
    private readonly NamedFeatureTrees _trees;

    private EngagementModel(NamedFeatureTrees trees) => _trees = trees;

    /// <summary>The default boosting settings (chosen on a validation slice of the training period).</summary>
    public static GradientBoostingOptions DefaultOptions { get; } = new()
    {
        Trees = 150, LearningRate = 0.05, MaxDepth = 3, MinLeafWeight = 20, Loss = BoostingLoss.Logistic, RowSubsample = 0.8, FeatureSubsample = 0.8, Seed = 42,
    };

    /// <summary>Feature names in vector order: <see cref="EngagementFeatures.Names"/>, then the table's columns when <see cref="Table"/> is set.</summary>
    public IReadOnlyList<string> FeatureNames => _trees.Names;

    /// <summary>The actor-table columns appended to the own features, or null when the model does not use the table.</summary>
    public ActorTableColumns? Table => _trees.Table;

    /// <summary>Trains on rows <paramref name="features"/> as <see cref="EngagementFeatures.Build(IReadOnlyList{EngagementPost}, long, ActorTableColumns?)"/>
    /// writes them for the same <paramref name="table"/> (<see cref="EngagementFeatures.Count"/> + the table's columns per row).</summary>
    /// <param name="features">Row-major features.</param>
    /// <param name="labels">Outcome per row.</param>
    /// <param name="options">Boosting settings (<see cref="DefaultOptions"/> when null).</param>
    /// <param name="weights">Optional row weights, e.g. <see cref="RecencyWeights"/> so recent behaviour counts more.</param>
    /// <param name="table">The actor-table columns the rows carry after the own features; null: none.</param>
    /// <param name="windowSeconds">The reply window the labels and features were built with (recorded in the model file).</param>
    public static EngagementModel Train(float[] features, bool[] labels, GradientBoostingOptions? options = null, double[]? weights = null, ActorTableColumns? table = null,
        long windowSeconds = DefaultWindowSeconds)
    {
        return new EngagementModel(NamedFeatureTrees.Train(features, EngagementFeatures.Names, table, labels, weights, options ?? DefaultOptions, windowSeconds));
    }

    /// <summary>The reply window of the target: 24 hours.</summary>
    public const long DefaultWindowSeconds = 86400;

    /// <summary>The reply window the model was trained for, in seconds (build features with the same window).</summary>
    public long WindowSeconds => _trees.WindowSeconds;

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

    /// <summary>Writes the model to <paramref name="stream"/> (left open), recording whether and how it uses the actor table.</summary>
    public void Save(Stream stream) => _trees.Save(stream, TagStem);

    /// <summary>
    /// Reads a model written by <see cref="Save"/> (format 3; format 2 from before the window was recorded, and format 1 from
    /// before the table option, load with the 24-hour window).
    /// </summary>
    /// <param name="stream">The model file; untrusted.</param>
    /// <param name="tableOptions">For a model that uses the actor table: the table options to build its columns with (needed
    /// for a custom topic classifier or analyser); null: the defaults with the topic source and seed the file records.</param>
    /// <exception cref="InvalidDataException">A foreign, truncated or damaged file, or features (own or table) that differ
    /// from what this version and <paramref name="tableOptions"/> give.</exception>
    public static EngagementModel Load(Stream stream, FeatureTableOptions? tableOptions = null) =>
        new(NamedFeatureTrees.Load(stream, TagStem, EngagementFeatures.Names, "engagement model", tableOptions, DefaultWindowSeconds));
}

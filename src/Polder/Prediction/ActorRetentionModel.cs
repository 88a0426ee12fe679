namespace Polder.Prediction;

/// <summary>
/// Predicts whether an actor who was active recently will post again in the next window, from
/// <see cref="ActorRetentionFeatures"/>, with gradient-boosted trees (log loss). Immutable and thread-safe.
/// </summary>
public sealed class ActorRetentionModel
{
    private const string FormatTag = "PolderActorRetention1";
    private readonly NamedFeatureTrees _trees;

    private ActorRetentionModel(NamedFeatureTrees trees) => _trees = trees;

    /// <summary>The default boosting settings (small trees: a few thousand training rows).</summary>
    public static GradientBoostingOptions DefaultOptions { get; } = new()
    {
        Trees = 100, LearningRate = 0.05, MaxDepth = 2, MinLeafWeight = 20, Loss = BoostingLoss.Logistic, RowSubsample = 0.8, FeatureSubsample = 0.8, Seed = 42,
    };

    /// <summary>Trains on row-major <paramref name="features"/> (<see cref="ActorRetentionFeatures.Count"/> per row).</summary>
    public static ActorRetentionModel Train(float[] features, bool[] labels, GradientBoostingOptions? options = null)
    {
        return new ActorRetentionModel(NamedFeatureTrees.Train(features, ActorRetentionFeatures.Names, labels, null, options ?? DefaultOptions));
    }

    /// <summary>The probability that the actor posts in the next window.</summary>
    public double Predict(ReadOnlySpan<float> features) => _trees.Predict(features);

    /// <summary>Each feature's contribution (log-odds) to one prediction; <c>base</c> is the expected log-odds.</summary>
    public IReadOnlyList<FeatureContribution> Explain(ReadOnlySpan<float> features) => _trees.Explain(features);

    /// <summary>Writes the model to <paramref name="stream"/> (left open).</summary>
    public void Save(Stream stream) => _trees.Save(stream, FormatTag);

    /// <summary>Reads a model written by <see cref="Save"/>; fails when its features differ from this version's.</summary>
    public static ActorRetentionModel Load(Stream stream) =>
        new(NamedFeatureTrees.Load(stream, FormatTag, ActorRetentionFeatures.Names, "actor-retention model"));
}

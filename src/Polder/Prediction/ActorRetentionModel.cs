namespace Polder.Prediction;

/// <summary>
/// Predicts whether an actor who was active recently will post again in the next window, from
/// <see cref="ActorRetentionFeatures"/>, with gradient-boosted trees (log loss). Immutable and thread-safe.
/// </summary>
public sealed class ActorRetentionModel
{
    private readonly GradientBoostedTrees _trees;

    private ActorRetentionModel(GradientBoostedTrees trees) => _trees = trees;

    /// <summary>The default boosting settings (small trees: a few thousand training rows).</summary>
    public static GradientBoostingOptions DefaultOptions { get; } = new()
    {
        Trees = 100, LearningRate = 0.05, MaxDepth = 2, MinLeafWeight = 20, Loss = BoostingLoss.Logistic, RowSubsample = 0.8, FeatureSubsample = 0.8, Seed = 42,
    };

    /// <summary>Trains on row-major <paramref name="features"/> (<see cref="ActorRetentionFeatures.Count"/> per row).</summary>
    public static ActorRetentionModel Train(float[] features, bool[] labels, GradientBoostingOptions? options = null)
    {
        var o = (options ?? DefaultOptions) with { Loss = BoostingLoss.Logistic };
        return new ActorRetentionModel(GradientBoostedTrees.Train(features, ActorRetentionFeatures.Count, labels.Select(b => b ? 1.0 : 0.0).ToArray(), null, o));
    }

    /// <summary>The probability that the actor posts in the next window.</summary>
    public double Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != ActorRetentionFeatures.Count) throw new ArgumentException($"expected {ActorRetentionFeatures.Count} features", nameof(features));
        return _trees.PredictProbability(features);
    }

    /// <summary>Each feature's contribution (log-odds) to one prediction; <c>base</c> is the expected log-odds.</summary>
    public IReadOnlyList<FeatureContribution> Explain(ReadOnlySpan<float> features)
    {
        var c = new double[ActorRetentionFeatures.Count];
        _trees.Contributions(features, c);
        var list = new List<FeatureContribution> { new("base", 1, _trees.ExpectedValue) };
        for (int i = 0; i < c.Length; i++) list.Add(new(ActorRetentionFeatures.Names[i], features[i], c[i]));
        return list;
    }

    /// <summary>Writes the model to <paramref name="stream"/> (left open).</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write("PolderActorRetention1");
        w.Write(ActorRetentionFeatures.Count);
        foreach (var n in ActorRetentionFeatures.Names) w.Write(n);
        _trees.Save(w);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; fails when its features differ from this version's.</summary>
    public static ActorRetentionModel Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != "PolderActorRetention1") throw new InvalidDataException("not a Polder actor-retention model");
        int n = r.ReadInt32();
        if (n > 10_000) throw new InvalidDataException("feature count out of range");
        var names = Enumerable.Range(0, n).Select(_ => r.ReadString()).ToArray();
        if (!names.SequenceEqual(ActorRetentionFeatures.Names)) throw new InvalidDataException("the model's features differ from this version of Polder");
        return new ActorRetentionModel(GradientBoostedTrees.Load(r));
    }
}

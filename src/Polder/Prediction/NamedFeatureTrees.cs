namespace Polder.Prediction;

/// <summary>
/// Gradient-boosted trees (log loss) over a fixed, named feature vector: the shared body of the probability models
/// (<see cref="EngagementModel"/>, <see cref="ActorRetentionModel"/>) — predict, explain, and a tagged file format that
/// refuses a model whose feature names differ from this version's. Immutable and thread-safe.
/// </summary>
internal sealed class NamedFeatureTrees
{
    private const int MaxFeatures = 10_000;
    private readonly GradientBoostedTrees _trees;
    private readonly IReadOnlyList<string> _names;

    private NamedFeatureTrees(GradientBoostedTrees trees, IReadOnlyList<string> names) { _trees = trees; _names = names; }

    public static NamedFeatureTrees Train(float[] features, IReadOnlyList<string> names, bool[] labels, double[]? weights, GradientBoostingOptions options) =>
        new(GradientBoostedTrees.Train(features, names.Count, labels.Select(b => b ? 1.0 : 0.0).ToArray(), weights, options with { Loss = BoostingLoss.Logistic }), names);

    public double Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != _names.Count) throw new ArgumentException($"expected {_names.Count} features", nameof(features));
        return _trees.PredictProbability(features);
    }

    public IReadOnlyList<FeatureContribution> Explain(ReadOnlySpan<float> features)
    {
        var c = new double[_names.Count];
        _trees.Contributions(features, c);
        var list = new List<FeatureContribution> { new("base", 1, _trees.ExpectedValue) };
        for (int i = 0; i < c.Length; i++) list.Add(new(_names[i], features[i], c[i]));
        return list;
    }

    public void Save(Stream stream, string tag)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(tag);
        w.Write(_names.Count);
        foreach (var n in _names) w.Write(n);
        _trees.Save(w);
    }

    /// <param name="stream">The model file.</param>
    /// <param name="tag">The format tag the file must start with.</param>
    /// <param name="names">This version's feature names; the file's must be equal.</param>
    /// <param name="what">What the model is, for the error message ("engagement model").</param>
    public static NamedFeatureTrees Load(Stream stream, string tag, IReadOnlyList<string> names, string what)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != tag) throw new InvalidDataException($"not a Polder {what}");
        int n = r.ReadInt32();
        if (n is < 0 or > MaxFeatures) throw new InvalidDataException("feature count out of range");
        var stored = Enumerable.Range(0, n).Select(_ => r.ReadString()).ToArray();
        if (!stored.SequenceEqual(names)) throw new InvalidDataException("the model's features differ from this version of Polder");
        return new NamedFeatureTrees(GradientBoostedTrees.Load(r), names);
    }
}

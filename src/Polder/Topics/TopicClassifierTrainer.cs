using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Polder.Topics;

/// <summary>
/// Trains a <see cref="TopicClassifier"/> on labelled texts with ML.NET: Polder's n-gram TF-IDF features, then
/// L-BFGS maximum entropy (multi-class, softmax probabilities) or one L-BFGS logistic regression per label
/// (multi-label, calibrated per label). Deterministic for a given seed (single-threaded optimiser).
/// </summary>
public sealed class TopicClassifierTrainer
{
    /// <summary>Trains with <paramref name="options"/> (defaults when null).</summary>
    public TopicClassifierTrainer(TopicClassifierOptions? options = null) => Options = options ?? TopicClassifierOptions.Default;

    /// <summary>The settings.</summary>
    public TopicClassifierOptions Options { get; }

    /// <summary>Trains a multi-class model: one label per text.</summary>
    public TopicClassifier Train(IReadOnlyList<string> texts, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        if (texts.Count != labels.Count) throw new ArgumentException("texts and labels differ in length");
        return Train(texts, labels.Select(l => (IReadOnlyList<string>)[l]).ToArray());
    }

    /// <summary>
    /// Trains a multi-class model on texts from time periods (e.g. months as <c>yyyy-MM</c>, ordered ordinally):
    /// with <see cref="TopicClassifierOptions.RecencyHalfLife"/> set, a text weighs half as much per that many
    /// periods before the latest one, so that the model leans towards the newest texts.
    /// </summary>
    public TopicClassifier Train(IReadOnlyList<string> texts, IReadOnlyList<string> labels, IReadOnlyList<string> periods)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(periods);
        if (texts.Count != labels.Count || texts.Count != periods.Count) throw new ArgumentException("texts, labels and periods differ in length");
        return Train(texts, labels.Select(l => (IReadOnlyList<string>)[l]).ToArray(), RecencyWeights(periods, Options.RecencyHalfLife));
    }

    /// <summary>
    /// As <see cref="Train(IReadOnlyList{string}, IReadOnlyList{string}, IReadOnlyList{string})"/>, with the
    /// pseudo-texts of <paramref name="terminology"/> (when given) for the labels of <paramref name="labels"/> added as
    /// texts of a period before all others.
    /// </summary>
    public static TopicClassifier TrainWith(TopicClassifierTrainer trainer, IReadOnlyList<string> texts, IReadOnlyList<string> labels, IReadOnlyList<string> periods, ThemeTerminology? terminology)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        if (terminology is null) return trainer.Train(texts, labels, periods);
        var (extraTexts, extraLabels) = terminology.PseudoTexts(labels.Distinct(StringComparer.Ordinal));
        return trainer.Train([.. texts, .. extraTexts], [.. labels, .. extraLabels], [.. periods, .. Enumerable.Repeat("", extraTexts.Length)]);
    }

    /// <summary>
    /// The weight of each text: 0.5^(periods before the latest / <paramref name="halfLife"/>); all 1 when
    /// <paramref name="halfLife"/> is 0. Periods are ranked by ordinal order of their distinct values.
    /// </summary>
    public static float[] RecencyWeights(IReadOnlyList<string> periods, float halfLife)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (halfLife < 0 || !float.IsFinite(halfLife)) throw new ArgumentOutOfRangeException(nameof(halfLife), "0 (off) or a positive number of periods");
        var distinct = periods.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return periods.Select(p => halfLife == 0 ? 1f : MathF.Pow(0.5f, (distinct.Count - 1 - distinct.BinarySearch(p, StringComparer.Ordinal)) / halfLife)).ToArray();
    }

    /// <summary>
    /// Trains on texts with one or more labels each. With <see cref="TopicClassifierOptions.MultiLabel"/> off only
    /// the first label of each text is used.
    /// </summary>
    public TopicClassifier Train(IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<string>> labels) => Train(texts, labels, null);

    private TopicClassifier Train(IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<string>> labels, float[]? sampleWeights)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        if (texts.Count != labels.Count) throw new ArgumentException("texts and labels differ in length");
        if (texts.Count == 0) throw new ArgumentException("no training texts");
        var o = Options;
        var names = labels.SelectMany(l => o.MultiLabel ? l : l.Take(1)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (names.Length < 2) throw new ArgumentException("training needs at least two distinct labels");
        if (o.SelectFeatures < 0) throw new ArgumentOutOfRangeException(nameof(TopicClassifierOptions.SelectFeatures), "0 (all) or more");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var featurizer = TextFeaturizer.Fit(texts, o.Features);
        var vectors = texts.Select(t => Vectorize(featurizer, t)).ToArray();
        o.Log?.Invoke($"features: {featurizer.Dimension} in {clock.Elapsed.TotalSeconds:0.0} s");
        if (o.SelectFeatures > 0 && o.SelectFeatures < featurizer.Dimension)
        {
            var labelIndex = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
            var labelsOf = labels.Select(l => (o.MultiLabel ? l : l.Take(1)).Select(x => labelIndex[x]).Distinct().ToArray()).ToArray();
            var kept = ChiSquareSelection.Select(vectors, labelsOf, names.Length, featurizer.Dimension, o.SelectFeatures);
            featurizer = featurizer.Subset(kept);
            vectors = texts.Select(t => Vectorize(featurizer, t)).ToArray();
            o.Log?.Invoke($"selected {featurizer.Dimension} features by chi-squared at {clock.Elapsed.TotalSeconds:0.0} s");
        }
        var (weights, bias) = Fit(featurizer.Dimension, vectors, labels, names, sampleWeights);
        o.Log?.Invoke($"fitted {names.Length} labels at {clock.Elapsed.TotalSeconds:0.0} s");
        if (o.MaxFeatures > 0 && o.MaxFeatures < featurizer.Dimension)
        {
            // keep the features with the largest weights, then refit on them
            int k = names.Length;
            var keep = Enumerable.Range(0, featurizer.Dimension)
                .Select(f => (f, m: Enumerable.Range(0, k).Max(c => MathF.Abs(weights[f * k + c]))))
                .OrderByDescending(x => x.m).ThenBy(x => x.f).Take(o.MaxFeatures).Select(x => x.f).ToArray();
            var wordKeep = keep.Where(f => f < featurizer.WordFeatureCount).Order().ToArray();
            var charKeep = keep.Where(f => f >= featurizer.WordFeatureCount).Order().ToArray();
            var all = wordKeep.Concat(charKeep).ToArray();
            featurizer = new TextFeaturizer(featurizer.Options, all.Select(f => featurizer.Names[f]).ToArray(),
                all.Select(f => featurizer.Idf[f]).ToArray(), wordKeep.Length);
            vectors = texts.Select(t => Vectorize(featurizer, t)).ToArray();
            (weights, bias) = Fit(featurizer.Dimension, vectors, labels, names, sampleWeights);
        }
        return new TopicClassifier(featurizer, names, weights, bias, o.MultiLabel, o.MultiLabelThreshold, TrainingFingerprint.Of(texts));
    }

    private static (int[] Indices, float[] Values) Vectorize(TextFeaturizer f, string text)
    {
        int n = f.Transform(text, out var idx, out var val);
        var pairs = new (int, float)[n];
        for (int i = 0; i < n; i++) pairs[i] = (idx[i], val[i]);
        Array.Sort(pairs, (a, b) => a.Item1.CompareTo(b.Item1));
        return (pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray());
    }

    // Returns feature-major weights [f * k + c] and biases.
    private (float[] Weights, float[] Bias) Fit(int dimension, (int[] Indices, float[] Values)[] vectors, IReadOnlyList<IReadOnlyList<string>> labels, string[] names, float[]? sampleWeights)
    {
        var o = Options;
        int k = names.Length;
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var ml = new MLContext(seed: o.Seed);
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var weights = new float[dimension * k];
        var bias = new float[k];
        if (!o.MultiLabel)
        {
            var classOf = labels.Select(l => index[l[0]]).ToArray();
            var classWeight = ClassWeights(classOf.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count()), k, vectors.Length);
            var rows = vectors.Select((v, i) => new FeatureRow
            {
                Label = names[classOf[i]],
                Weight = classWeight[classOf[i]] * (sampleWeights?[i] ?? 1),
                Features = new VBuffer<float>(dimension, v.Indices.Length, v.Values, v.Indices),
            });
            var data = ml.Data.LoadFromEnumerable(rows, schema);
            var toKey = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(FeatureRow.Label)).Fit(data);
            // cached: the optimiser passes over the rows many times
            var keyed = ml.Data.Cache(toKey.Transform(data));
            IEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> trainer = o.Optimizer == TopicOptimizer.Sdca
                ? ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = "LabelKey",
                    FeatureColumnName = nameof(FeatureRow.Features),
                    ExampleWeightColumnName = nameof(FeatureRow.Weight),
                    L2Regularization = o.L2Regularization,
                    L1Regularization = o.L1Regularization,
                    MaximumNumberOfIterations = o.MaximumIterations,
                    ConvergenceTolerance = o.OptimizationTolerance,
                    NumberOfThreads = 1,
                    Shuffle = true,
                })
                : ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = "LabelKey",
                    FeatureColumnName = nameof(FeatureRow.Features),
                    ExampleWeightColumnName = nameof(FeatureRow.Weight),
                    L2Regularization = o.L2Regularization,
                    L1Regularization = o.L1Regularization,
                    MaximumNumberOfIterations = o.MaximumIterations,
                    OptimizationTolerance = o.OptimizationTolerance,
                    NumberOfThreads = 1,
                });
            var model = trainer.Fit(keyed).Model;
            // the model's class j is the j-th key value of LabelKey: map it back to our label order
            VBuffer<ReadOnlyMemory<char>> keyValues = default;
            keyed.Schema["LabelKey"].GetKeyValues(ref keyValues);
            var classToLabel = keyValues.DenseValues().Select(m => index[m.ToString()]).ToArray();
            VBuffer<float>[] w = [];
            model.GetWeights(ref w, out int classes);
            var b = model.GetBiases().ToArray();
            for (int j = 0; j < classes; j++)
            {
                int c = classToLabel[j];
                bias[c] = b[j];
                foreach (var (f, value) in w[j].Items()) weights[f * k + c] = value;
            }
            return (weights, bias);
        }
        schema[nameof(FeatureRow.Label)].ColumnType = NumberDataViewType.UInt32;
        for (int c = 0; c < k; c++)
        {
            var has = labels.Select(l => l.Contains(names[c])).ToArray();
            int pos = has.Count(x => x);
            // class weighting per label: positives vs negatives
            float wPos = 1, wNeg = 1;
            if (o.ClassWeighting != ClassWeighting.None && pos > 0 && pos < has.Length)
            {
                wPos = has.Length / (2f * pos); wNeg = has.Length / (2f * (has.Length - pos));
                if (o.ClassWeighting == ClassWeighting.SquareRootBalanced) { wPos = MathF.Sqrt(wPos); wNeg = MathF.Sqrt(wNeg); }
            }
            var rows = vectors.Select((v, i) => new BinaryRow
            {
                Label = has[i],
                Weight = (has[i] ? wPos : wNeg) * (sampleWeights?[i] ?? 1),
                Features = new VBuffer<float>(dimension, v.Indices.Length, v.Values, v.Indices),
            });
            var bschema = SchemaDefinition.Create(typeof(BinaryRow));
            bschema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
            var data = ml.Data.LoadFromEnumerable(rows, bschema);
            var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(BinaryRow.Label),
                FeatureColumnName = nameof(BinaryRow.Features),
                ExampleWeightColumnName = nameof(BinaryRow.Weight),
                L2Regularization = o.L2Regularization,
                L1Regularization = o.L1Regularization,
                MaximumNumberOfIterations = o.MaximumIterations,
                OptimizationTolerance = o.OptimizationTolerance,
                NumberOfThreads = 1,
            });
            var sub = trainer.Fit(data).Model.SubModel;
            bias[c] = sub.Bias;
            foreach (var (f, value) in sub.Weights.Select((x, i) => (i, x))) if (value != 0) weights[f * k + c] = value;
        }
        return (weights, bias);
    }

    private float[] ClassWeights(Dictionary<int, int> counts, int k, int n)
    {
        var w = new float[k];
        for (int c = 0; c < k; c++)
        {
            int nc = counts.GetValueOrDefault(c);
            float balanced = nc == 0 ? 1 : n / (float)(k * nc);
            w[c] = Options.ClassWeighting switch
            {
                ClassWeighting.Balanced => balanced,
                ClassWeighting.SquareRootBalanced => MathF.Sqrt(balanced),
                _ => 1,
            };
        }
        return w;
    }
}

/// <summary>A training row for ML.NET (multi-class). Public only because ML.NET's data loader needs it.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class FeatureRow
{
    /// <summary>The label.</summary>
    public string Label { get; set; } = "";

    /// <summary>The example weight.</summary>
    public float Weight { get; set; }

    /// <summary>The sparse TF-IDF vector.</summary>
    public VBuffer<float> Features { get; set; }
}

/// <summary>A training row for ML.NET (one label of a multi-label model). Public only because ML.NET needs it.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class BinaryRow
{
    /// <summary>Whether the text has the label.</summary>
    public bool Label { get; set; }

    /// <summary>The example weight.</summary>
    public float Weight { get; set; }

    /// <summary>The sparse TF-IDF vector.</summary>
    public VBuffer<float> Features { get; set; }
}

namespace Polder.Prediction.Learners;

/// <summary>What a <see cref="GradientBoostedTrees"/> model minimises.</summary>
public enum BoostingLoss
{
    /// <summary>Squared error: the output is a real number (regression).</summary>
    SquaredError,
    /// <summary>Log loss: the output is a log-odds; <see cref="GradientBoostedTrees.PredictProbability"/> gives the probability.</summary>
    Logistic,
}

/// <summary>Settings of <see cref="GradientBoostedTrees.Train"/>. Deterministic for a given <see cref="Seed"/>.</summary>
public sealed record GradientBoostingOptions
{
    /// <summary>Number of trees.</summary>
    public int Trees { get; init; } = 200;
    /// <summary>Shrinkage per tree.</summary>
    public double LearningRate { get; init; } = 0.05;
    /// <summary>Maximum depth of a tree (leaves ≤ 2^depth).</summary>
    public int MaxDepth { get; init; } = 4;
    /// <summary>Minimum (weighted) number of rows in a leaf.</summary>
    public double MinLeafWeight { get; init; } = 20;
    /// <summary>L2 penalty on leaf values.</summary>
    public double L2 { get; init; } = 1;
    /// <summary>Number of quantile bins per feature.</summary>
    public int Bins { get; init; } = 64;
    /// <summary>Fraction of rows sampled (without replacement) for each tree.</summary>
    public double RowSubsample { get; init; } = 0.8;
    /// <summary>Fraction of features tried for each tree.</summary>
    public double FeatureSubsample { get; init; } = 1.0;
    /// <summary>Random seed for subsampling.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>The loss.</summary>
    public BoostingLoss Loss { get; init; } = BoostingLoss.SquaredError;
}

/// <summary>
/// A small gradient-boosted regression-tree ensemble (histogram splits, depth-wise growth, Newton leaves) with
/// per-prediction feature contributions (path attribution). Immutable and thread-safe once trained; saves to and
/// loads from a stream. A missing value (NaN) goes to the right child at every split, in training and prediction alike.
/// </summary>
public sealed class GradientBoostedTrees
{
    // Flattened trees: node i of tree t at _offsets[t] + i. Leaves have _feature = -1.
    private readonly int[] _offsets;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _value; // leaf value for leaves; expected value (mean of leaf values under it, weighted) for inner nodes
    private readonly Node[] _nodes;   // the same trees as one array of structs with absolute child indices: one cache line per visit

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right, double Value);

    private GradientBoostedTrees(int featureCount, BoostingLoss loss, double bias, int[] offsets, int[] feature, float[] threshold, int[] left, int[] right, double[] value)
    {
        FeatureCount = featureCount; Loss = loss; Bias = bias;
        _offsets = offsets; _feature = feature; _threshold = threshold; _left = left; _right = right; _value = value;
        _nodes = new Node[feature.Length];
        for (int t = 0; t < offsets.Length - 1; t++)
            for (int i = offsets[t]; i < offsets[t + 1]; i++)
                _nodes[i] = new Node(feature[i], threshold[i], feature[i] >= 0 ? offsets[t] + left[i] : -1, feature[i] >= 0 ? offsets[t] + right[i] : -1, value[i]);
    }

    /// <summary>Number of input features.</summary>
    public int FeatureCount { get; }

    /// <summary>The loss the model was trained with.</summary>
    public BoostingLoss Loss { get; }

    /// <summary>The starting score (mean target or base log-odds).</summary>
    public double Bias { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _offsets.Length - 1;

    /// <summary>The raw score (regression value or log-odds) for one row.</summary>
    public double Predict(ReadOnlySpan<float> x)
    {
        double s = Bias;
        var nodes = _nodes;
        var offsets = _offsets;
        for (int t = 0; t < offsets.Length - 1; t++)
        {
            ref readonly Node node = ref nodes[offsets[t]];
            while (node.Feature >= 0) node = ref nodes[x[node.Feature] <= node.Threshold ? node.Left : node.Right];
            s += node.Value;
        }
        return s;
    }

    /// <summary>The probability for one row of a <see cref="BoostingLoss.Logistic"/> model.</summary>
    public double PredictProbability(ReadOnlySpan<float> x) => 1 / (1 + Math.Exp(-Predict(x)));

    /// <summary>
    /// Adds each feature's contribution to the raw score of <paramref name="x"/> into <paramref name="contributions"/>
    /// (path attribution: along each tree's path, the change of the node's expected value is credited to the split feature).
    /// Bias + sum of contributions = <see cref="Predict"/>.
    /// </summary>
    public void Contributions(ReadOnlySpan<float> x, Span<double> contributions)
    {
        for (int t = 0; t < _offsets.Length - 1; t++)
        {
            int o = _offsets[t], n = 0;
            // The root's value is part of ExpectedValue; only the changes along the path are credited to features.
            while (_feature[o + n] >= 0)
            {
                int f = _feature[o + n];
                int next = x[f] <= _threshold[o + n] ? _left[o + n] : _right[o + n];
                contributions[f] += _value[o + next] - _value[o + n];
                n = next;
            }
        }
    }

    /// <summary>Bias plus every tree's root expected value: the score with all contributions zero.</summary>
    public double ExpectedValue
    {
        get { double s = Bias; for (int t = 0; t < _offsets.Length - 1; t++) s += _value[_offsets[t]]; return s; }
    }

    /// <summary>Trains on rows <paramref name="x"/> (row-major, <paramref name="featureCount"/> per row) with targets and optional weights.</summary>
    public static GradientBoostedTrees Train(float[] x, int featureCount, double[] y, double[]? weights, GradientBoostingOptions options)
    {
        int n = y.Length;
        if (x.Length != n * featureCount) throw new ArgumentException("x must hold featureCount values per target", nameof(x));
        var w = weights ?? Enumerable.Repeat(1.0, n).ToArray();
        // Quantile bins per feature.
        var thresholds = new float[featureCount][];
        var bins = new byte[n * featureCount];
        int maxBins = Math.Clamp(options.Bins, 2, 255);
        var col = new float[n];
        for (int f = 0; f < featureCount; f++)
        {
            for (int i = 0; i < n; i++) col[i] = x[i * featureCount + f];
            // Thresholds from the numbers only. A missing value (NaN) fails every "x <= threshold" test in Predict, so it
            // goes right at every split; in training it sits in the last bin, right of every threshold, to match.
            var sorted = col.Where(v => !float.IsNaN(v)).ToArray();
            Array.Sort(sorted);
            var th = new List<float>();
            for (int b = 1; b < maxBins && sorted.Length > 0; b++)
            {
                float q = sorted[(int)((long)b * (sorted.Length - 1) / maxBins)];
                if (th.Count == 0 || q > th[^1]) th.Add(q);
            }
            bool missing = sorted.Length < n;
            if (th.Count > 0 && th[^1] >= sorted[^1]) th.RemoveAt(th.Count - 1);
            // With missing values, "at most the largest number" is a split too: it separates known from missing.
            if (missing && sorted.Length > 0) th.Add(sorted[^1]);
            thresholds[f] = [.. th];
            for (int i = 0; i < n; i++)
            {
                int b = float.IsNaN(col[i]) ? thresholds[f].Length : Array.BinarySearch(thresholds[f], col[i]);
                bins[i * featureCount + f] = (byte)(b >= 0 ? b : ~b);
            }
        }
        double wsum = w.Sum();
        double bias;
        if (options.Loss == BoostingLoss.Logistic)
        {
            double p = Math.Clamp(Enumerable.Range(0, n).Sum(i => w[i] * y[i]) / wsum, 1e-6, 1 - 1e-6);
            bias = Math.Log(p / (1 - p));
        }
        else bias = Enumerable.Range(0, n).Sum(i => w[i] * y[i]) / wsum;

        var score = Enumerable.Repeat(bias, n).ToArray();
        var g = new double[n]; var h = new double[n];
        var rng = new Random(options.Seed);
        var offsets = new List<int> { 0 };
        var feat = new List<int>(); var thr = new List<float>(); var left = new List<int>(); var right = new List<int>(); var val = new List<double>();
        var rows = new int[n];
        var featureOrder = Enumerable.Range(0, featureCount).ToArray();
        for (int t = 0; t < options.Trees; t++)
        {
            for (int i = 0; i < n; i++)
            {
                if (options.Loss == BoostingLoss.Logistic)
                {
                    double p = 1 / (1 + Math.Exp(-score[i]));
                    g[i] = w[i] * (p - y[i]); h[i] = w[i] * Math.Max(p * (1 - p), 1e-12);
                }
                else { g[i] = w[i] * (score[i] - y[i]); h[i] = w[i]; }
            }
            int m = 0;
            for (int i = 0; i < n; i++) if (options.RowSubsample >= 1 || rng.NextDouble() < options.RowSubsample) rows[m++] = i;
            rng.Shuffle(featureOrder);
            int fUse = Math.Max(1, (int)Math.Round(featureCount * Math.Min(1, options.FeatureSubsample)));
            var allowed = featureOrder.Take(fUse).Order().ToArray();
            var tree = new TreeBuilder(bins, thresholds, featureCount, g, h, options, allowed);
            tree.Build(rows.AsSpan(0, m).ToArray());
            int baseIndex = feat.Count;
            foreach (var node in tree.Nodes)
            {
                feat.Add(node.Feature); thr.Add(node.Threshold);
                left.Add(node.Left); right.Add(node.Right); val.Add(node.Value * options.LearningRate);
            }
            offsets.Add(feat.Count);
            // Update scores for all rows.
            for (int i = 0; i < n; i++)
            {
                int nd = 0;
                while (feat[baseIndex + nd] >= 0)
                    nd = x[i * featureCount + feat[baseIndex + nd]] <= thr[baseIndex + nd] ? left[baseIndex + nd] : right[baseIndex + nd];
                score[i] += val[baseIndex + nd];
            }
        }
        return new GradientBoostedTrees(featureCount, options.Loss, bias, [.. offsets], [.. feat], [.. thr], [.. left], [.. right], [.. val]);
    }

    private sealed class TreeBuilder(byte[] bins, float[][] thresholds, int featureCount, double[] g, double[] h, GradientBoostingOptions o, int[] allowed)
    {
        public readonly List<(int Feature, float Threshold, int Left, int Right, double Value)> Nodes = [];

        public void Build(int[] rows) => Grow(rows, 0);

        private int Grow(int[] rows, int depth)
        {
            double G = 0, H = 0;
            foreach (var i in rows) { G += g[i]; H += h[i]; }
            double value = -G / (H + o.L2);
            int index = Nodes.Count;
            Nodes.Add((-1, 0, -1, -1, value));
            if (depth >= o.MaxDepth || H < 2 * o.MinLeafWeight) return index;
            double bestGain = 1e-9; int bestF = -1, bestB = -1;
            double parent = G * G / (H + o.L2);
            var hg = new double[256]; var hh = new double[256];
            foreach (var f in allowed)
            {
                int nb = thresholds[f].Length + 1;
                if (nb < 2) continue;
                Array.Clear(hg, 0, nb); Array.Clear(hh, 0, nb);
                foreach (var i in rows) { int b = bins[i * featureCount + f]; hg[b] += g[i]; hh[b] += h[i]; }
                double gl = 0, hl = 0;
                for (int b = 0; b < nb - 1; b++)
                {
                    gl += hg[b]; hl += hh[b];
                    double gr = G - gl, hr = H - hl;
                    if (hl < o.MinLeafWeight || hr < o.MinLeafWeight) continue;
                    double gain = gl * gl / (hl + o.L2) + gr * gr / (hr + o.L2) - parent;
                    if (gain > bestGain) { bestGain = gain; bestF = f; bestB = b; }
                }
            }
            if (bestF < 0) return index;
            var l = rows.Where(i => bins[i * featureCount + bestF] <= bestB).ToArray();
            var r = rows.Where(i => bins[i * featureCount + bestF] > bestB).ToArray();
            int li = Grow(l, depth + 1);
            int ri = Grow(r, depth + 1);
            Nodes[index] = (bestF, thresholds[bestF][bestB], li, ri, value);
            return index;
        }
    }

    /// <summary>Writes the model (binary, little-endian).</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write("GBT1");
        writer.Write(FeatureCount); writer.Write((int)Loss); writer.Write(Bias);
        writer.Write(_offsets.Length); foreach (var v in _offsets) writer.Write(v);
        writer.Write(_feature.Length);
        for (int i = 0; i < _feature.Length; i++)
        {
            writer.Write(_feature[i]); writer.Write(_threshold[i]); writer.Write(_left[i]); writer.Write(_right[i]); writer.Write(_value[i]);
        }
    }

    /// <summary>Largest number of trees <see cref="Load"/> accepts.</summary>
    public const int MaxTrees = 100_000;

    /// <summary>Largest number of nodes (all trees) <see cref="Load"/> accepts.</summary>
    public const int MaxNodes = 10_000_000;

    /// <summary>
    /// Reads a model written by <see cref="Save"/>. The stream is untrusted: counts are bounded before anything is
    /// allocated, and every split must name a feature and point forwards inside its own tree (so prediction cannot
    /// loop or read out of range); anything else throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static GradientBoostedTrees Load(BinaryReader reader)
    {
        if (reader.ReadString() != "GBT1") throw new InvalidDataException("not a Polder gradient-boosted-trees model");
        int fc = reader.ReadInt32(); int lossCode = reader.ReadInt32(); double bias = reader.ReadDouble();
        if (fc is < 0 or > 1_000_000) throw new InvalidDataException($"trees: feature count {fc} is out of range");
        if (!Enum.IsDefined((BoostingLoss)lossCode)) throw new InvalidDataException($"trees: unknown loss {lossCode}");
        if (!double.IsFinite(bias)) throw new InvalidDataException("trees: the bias is not a finite number");
        int count = reader.ReadInt32();
        if (count is < 1 or > MaxTrees + 1) throw new InvalidDataException($"trees: {count} tree offsets is outside 1..{MaxTrees + 1}");
        var offsets = new int[count]; for (int i = 0; i < offsets.Length; i++) offsets[i] = reader.ReadInt32();
        int m = reader.ReadInt32();
        if (m is < 0 or > MaxNodes) throw new InvalidDataException($"trees: node count {m} is outside 0..{MaxNodes}");
        if (offsets[0] != 0 || offsets[^1] != m) throw new InvalidDataException("trees: the tree offsets do not cover the nodes");
        for (int t = 0; t + 1 < offsets.Length; t++)
            if (offsets[t + 1] <= offsets[t]) throw new InvalidDataException($"trees: tree {t} is empty or out of order");
        var f = new int[m]; var th = new float[m]; var l = new int[m]; var r = new int[m]; var v = new double[m];
        for (int i = 0; i < m; i++) { f[i] = reader.ReadInt32(); th[i] = reader.ReadSingle(); l[i] = reader.ReadInt32(); r[i] = reader.ReadInt32(); v[i] = reader.ReadDouble(); }
        for (int t = 0; t + 1 < offsets.Length; t++)
        {
            int size = offsets[t + 1] - offsets[t];
            for (int i = 0; i < size; i++)
            {
                int k = offsets[t] + i;
                if (!double.IsFinite(v[k])) throw new InvalidDataException($"trees: node {k} has a value that is not a finite number");
                if (f[k] < 0) continue;
                if (f[k] >= fc) throw new InvalidDataException($"trees: node {k} splits on feature {f[k]} of {fc}");
                if (l[k] <= i || l[k] >= size || r[k] <= i || r[k] >= size) throw new InvalidDataException($"trees: node {k} has children outside its tree");
            }
        }
        return new GradientBoostedTrees(fc, (BoostingLoss)lossCode, bias, offsets, f, th, l, r, v);
    }
}

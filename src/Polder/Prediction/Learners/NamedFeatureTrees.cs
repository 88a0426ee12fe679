using Polder.Prediction.Engagement;
using Polder.Prediction.Features;
using Polder.Prediction.Opinion;
using Polder.Prediction.Retention;

namespace Polder.Prediction.Learners;

/// <summary>
/// Gradient-boosted trees (log loss) over a fixed, named feature vector: the shared body of the probability models
/// (<see cref="EngagementModel"/>, <see cref="ActorRetentionModel"/>) — predict, explain, and a tagged file format that
/// records whether the actor table is appended (<see cref="ActorTableColumns"/>) and refuses a model whose feature names
/// differ from what this version and the given table options produce. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// File format 3: tag (a length-prefixed ASCII string ending in "3"), a byte 0/1 "uses the actor table", when 1 the
/// table's period in days, topic source and seed (Int32 each), the target window in seconds (Int64: "a reply within 24
/// hours", "active in the next 30 days"), then the feature count, the names and the trees. Format 2 (no window) and
/// format 1 (no table byte either: a model without the table) are still read, with the model's default window.
/// </remarks>
internal sealed class NamedFeatureTrees
{
    /// <summary>Largest model stream accepted (a default model is a few hundred kB).</summary>
    public const long MaxModelBytes = 64L << 20;
    private const int MaxFeatures = 10_000, MaxNameBytes = 1_000, MaxTagBytes = 64;
    private readonly GradientBoostedTrees _trees;

    /// <summary>Longest target window a file may record (ten years).</summary>
    private const long MaxWindowSeconds = 3660L * 86400;

    private NamedFeatureTrees(GradientBoostedTrees trees, IReadOnlyList<string> names, ActorTableColumns? table, long windowSeconds)
    {
        _trees = trees; Names = names; Table = table; WindowSeconds = windowSeconds;
    }

    /// <summary>The window the predicted event falls in, in seconds (what the labels meant in training).</summary>
    public long WindowSeconds { get; }

    /// <summary>Feature names in vector order: the model's own, then the table's columns when <see cref="Table"/> is set.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The appended actor-table columns, or null.</summary>
    public ActorTableColumns? Table { get; }

    public static IReadOnlyList<string> NamesOf(IReadOnlyList<string> own, ActorTableColumns? table) => table is null ? own : [.. own, .. table.Names];

    public static NamedFeatureTrees Train(float[] features, IReadOnlyList<string> own, ActorTableColumns? table, bool[] labels, double[]? weights, GradientBoostingOptions options, long windowSeconds)
    {
        if (windowSeconds is < 1 or > MaxWindowSeconds) throw new ArgumentOutOfRangeException(nameof(windowSeconds), windowSeconds, $"the target window must be 1 s .. {MaxWindowSeconds / 86400} days");
        var names = NamesOf(own, table);
        return new(GradientBoostedTrees.Train(features, names.Count, labels.Select(b => b ? 1.0 : 0.0).ToArray(), weights, options with { Loss = BoostingLoss.Logistic }), names, table, windowSeconds);
    }

    public double Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != Names.Count) throw new ArgumentException($"expected {Names.Count} features", nameof(features));
        return _trees.PredictProbability(features);
    }

    public IReadOnlyList<FeatureContribution> Explain(ReadOnlySpan<float> features)
    {
        if (features.Length != Names.Count) throw new ArgumentException($"expected {Names.Count} features", nameof(features));
        var c = new double[Names.Count];
        _trees.Contributions(features, c);
        var list = new List<FeatureContribution> { new("base", 1, _trees.ExpectedValue) };
        for (int i = 0; i < c.Length; i++) list.Add(new(Names[i], features[i], c[i]));
        return list;
    }

    /// <param name="stream">Where to write (left open).</param>
    /// <param name="tagStem">The model's tag without the version digit ("PolderEngagement").</param>
    public void Save(Stream stream, string tagStem)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(tagStem + "3");
        w.Write((byte)(Table is null ? 0 : 1));
        if (Table is not null)
        {
            w.Write(Table.PeriodDays);
            w.Write((int)Table.Options.Topics);
            w.Write(Table.Options.Seed);
        }
        w.Write(WindowSeconds);
        w.Write(Names.Count);
        foreach (var n in Names) w.Write(n);
        _trees.Save(w);
    }

    /// <param name="stream">The model file (untrusted).</param>
    /// <param name="tagStem">The model's tag without the version digit.</param>
    /// <param name="own">This version's own feature names; the file's must start with them.</param>
    /// <param name="what">What the model is, for messages ("engagement model").</param>
    /// <param name="tableOptions">Options to rebuild the table columns with (a custom topic classifier, sentiment analyser …);
    /// null: the defaults with the topic source and seed the file records.</param>
    /// <param name="defaultWindowSeconds">The window of files from before it was recorded (formats 1 and 2).</param>
    /// <exception cref="InvalidDataException">A foreign, truncated or damaged file, or features that differ from this version's.</exception>
    public static NamedFeatureTrees Load(Stream stream, string tagStem, IReadOnlyList<string> own, string what, FeatureTableOptions? tableOptions, long defaultWindowSeconds)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxModelBytes) throw new InvalidDataException($"{what} file is larger than {MaxModelBytes >> 20} MiB");
        try
        {
            using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            var tag = ReadString(r, MaxTagBytes);
            int version = tag == tagStem + "1" ? 1 : tag == tagStem + "2" ? 2 : tag == tagStem + "3" ? 3 : throw new InvalidDataException($"not a Polder {what}");
            ActorTableColumns? table = null;
            if (version >= 2)
            {
                int flag = r.ReadByte();
                if (flag > 1) throw new InvalidDataException($"{what}: table flag {flag} is neither 0 nor 1");
                if (flag == 1) table = ReadTable(r, what, tableOptions);
            }
            long window = defaultWindowSeconds;
            if (version >= 3)
            {
                window = r.ReadInt64();
                if (window is < 1 or > MaxWindowSeconds) throw new InvalidDataException($"{what}: target window {window} s is outside 1 s .. {MaxWindowSeconds / 86400} days");
            }
            int n = r.ReadInt32();
            if (n is < 1 or > MaxFeatures) throw new InvalidDataException($"{what}: feature count {n} is outside 1..{MaxFeatures}");
            var stored = new string[n];
            for (int i = 0; i < n; i++) stored[i] = ReadString(r, MaxNameBytes) ?? throw new InvalidDataException($"{what}: feature name {i} is not a UTF-8 string of at most {MaxNameBytes} bytes");
            var expected = NamesOf(own, table);
            if (!stored.Take(own.Count).SequenceEqual(own)) throw new InvalidDataException($"the {what}'s own features differ from this version of Polder; retrain it");
            if (!stored.SequenceEqual(expected))
                throw new InvalidDataException(table is null
                    ? $"the {what} has {n} features where this version of Polder expects {expected.Count}; retrain it"
                    : $"the {what}'s actor-table features ({n - own.Count}) differ from the table these options give ({table.Count}); " +
                      "load it with the table options it was trained with, or retrain it");
            var trees = GradientBoostedTrees.Load(r);
            if (trees.FeatureCount != n) throw new InvalidDataException($"{what}: the trees read {trees.FeatureCount} features, the file names {n}");
            return new NamedFeatureTrees(trees, expected, table, window);
        }
        catch (EndOfStreamException) { throw new InvalidDataException($"{what} file is truncated"); }
    }

    private static ActorTableColumns ReadTable(BinaryReader r, string what, FeatureTableOptions? given)
    {
        int days = r.ReadInt32(), topics = r.ReadInt32(), seed = r.ReadInt32();
        if (days is < 1 or > ActorTableColumns.MaxPeriodDays) throw new InvalidDataException($"{what}: table period {days} days is outside 1..{ActorTableColumns.MaxPeriodDays}");
        if (!Enum.IsDefined((TopicFeatureSource)topics)) throw new InvalidDataException($"{what}: unknown topic source {topics}");
        var source = (TopicFeatureSource)topics;
        if (given is null) return new ActorTableColumns(FeatureTableOptions.Default with { Topics = source, Seed = seed }, days);
        if (given.Topics != source || given.Seed != seed)
            throw new InvalidDataException($"the {what} was trained with actor-table topics {source} and seed {seed}; the options give {given.Topics} and {given.Seed}");
        return new ActorTableColumns(given, days);
    }

    /// <summary>A length-prefixed UTF-8 string of at most <paramref name="maxBytes"/> bytes (BinaryWriter's layout), or null
    /// when the prefix or the bytes are not such a string; the length is checked before anything is allocated.</summary>
    private static string? ReadString(BinaryReader r, int maxBytes)
    {
        int length;
        try { length = r.Read7BitEncodedInt(); }
        catch (FormatException) { return null; }
        if (length < 0 || length > maxBytes) return null;
        var bytes = r.ReadBytes(length);
        if (bytes.Length < length) throw new EndOfStreamException();
        try { return new System.Text.UTF8Encoding(false, true).GetString(bytes); }
        catch (System.Text.DecoderFallbackException) { return null; }
    }
}

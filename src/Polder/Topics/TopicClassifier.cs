using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Polder.Text;

namespace Polder.Topics;

/// <summary>
/// A trained linear text classifier over Polder's word and character n-gram features: calibrated probabilities,
/// top-k, per-prediction explanations. Immutable and thread-safe; created by <see cref="TopicClassifierTrainer"/>
/// or loaded from a stream; <see cref="Themes"/> is the shipped Dutch policy-theme model.
/// </summary>
public sealed class TopicClassifier
{
    private const string Magic = "POLDER-TOPICS";
    private const int FormatVersion = 3;
    private readonly string[] _labels;
    private readonly float[] _weights; // feature-major: _weights[f * _stride + c]
    private readonly float[] _bias;
    private readonly int _stride;

    [ThreadStatic] private static float[]? t_scores;

    internal TopicClassifier(TextFeaturizer featurizer, string[] labels, float[] weightsFeatureMajor, float[] bias, bool multiLabel, float threshold, TrainingFingerprint? training)
    {
        Training = training;
        Featurizer = featurizer;
        _labels = labels;
        _bias = bias;
        MultiLabel = multiLabel;
        MultiLabelThreshold = threshold;
        int k = labels.Length;
        _stride = (k + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        _weights = new float[featurizer.Dimension * _stride];
        for (int f = 0; f < featurizer.Dimension; f++)
            Array.Copy(weightsFeatureMajor, f * k, _weights, f * _stride, k);
    }

    internal TextFeaturizer Featurizer { get; }

    /// <summary>The labels the model knows, in model order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>True for a multi-label model (independent probabilities per label).</summary>
    public bool MultiLabel { get; }

    /// <summary>Multi-label: the probability at which a label is assigned.</summary>
    public float MultiLabelThreshold { get; }

    /// <summary>
    /// The hashes of the texts the model was trained on (null for a model saved before format 3): lets an
    /// evaluation warn when it is scored on its own training rows.
    /// </summary>
    public TrainingFingerprint? Training { get; }

    /// <summary>Number of features with weights.</summary>
    public int FeatureCount => Featurizer.Dimension;

    /// <summary>
    /// Writes the probability of every label (in <see cref="Labels"/> order) into <paramref name="probabilities"/>
    /// and returns the index of the best label. Allocation-free after the first call on a thread.
    /// </summary>
    public int PredictProbabilities(ReadOnlySpan<char> text, Span<float> probabilities) => PredictProbabilities(text, null, probabilities);

    /// <summary>As <see cref="PredictProbabilities(ReadOnlySpan{char}, Span{float})"/>, from <paramref name="document"/>'s tokens.</summary>
    public int PredictProbabilities(TextDocument document, Span<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PredictProbabilities(document.Text, document, probabilities);
    }

    private int PredictProbabilities(ReadOnlySpan<char> text, TextDocument? document, Span<float> probabilities)
    {
        int k = _labels.Length;
        if (probabilities.Length < k) throw new ArgumentException($"needs room for {k} labels", nameof(probabilities));
        var scores = Scores(text, document);
        int best = 0;
        for (int c = 1; c < k; c++) if (scores[c] > scores[best]) best = c;
        if (MultiLabel)
        {
            for (int c = 0; c < k; c++) probabilities[c] = 1f / (1f + MathF.Exp(-scores[c]));
        }
        else
        {
            float max = scores[best], sum = 0;
            for (int c = 0; c < k; c++) { float e = MathF.Exp(scores[c] - max); probabilities[c] = e; sum += e; }
            for (int c = 0; c < k; c++) probabilities[c] /= sum;
        }
        return best;
    }

    /// <summary>The most probable label only (allocation-free).</summary>
    public string PredictLabel(ReadOnlySpan<char> text) => PredictLabel(text, null);

    /// <summary>The most probable label of <paramref name="document"/>'s text.</summary>
    public string PredictLabel(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PredictLabel(document.Text, document);
    }

    private string PredictLabel(ReadOnlySpan<char> text, TextDocument? document)
    {
        var scores = Scores(text, document);
        int best = 0;
        for (int c = 1; c < _labels.Length; c++) if (scores[c] > scores[best]) best = c;
        return _labels[best];
    }

    /// <summary>The label of <paramref name="text"/> with its confidence and the <paramref name="top"/> best labels.</summary>
    public TopicPrediction Predict(string text, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Predict(text, null, top);
    }

    /// <summary>The label of <paramref name="document"/>'s text with its confidence and the <paramref name="top"/> best labels.</summary>
    public TopicPrediction Predict(TextDocument document, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Predict(document.Text, document, top);
    }

    private TopicPrediction Predict(string text, TextDocument? document, int top)
    {
        int k = _labels.Length;
        Span<float> p = k <= 256 ? stackalloc float[k] : new float[k];
        int best = PredictProbabilities(text, document, p);
        // the best labels by descending probability, ties by model order: a partial insertion sort (top is small)
        int m = Math.Clamp(top, 1, k);
        var chosen = new int[m];
        int filled = 0;
        for (int c = 0; c < k; c++)
        {
            if (filled == m && !(p[c] > p[chosen[m - 1]])) continue;
            int at = filled < m ? filled++ : m - 1;
            while (at > 0 && p[c] > p[chosen[at - 1]]) { chosen[at] = chosen[at - 1]; at--; }
            chosen[at] = c;
        }
        var topList = new KeyValuePair<string, float>[m];
        for (int i = 0; i < m; i++) topList[i] = new(_labels[chosen[i]], p[chosen[i]]);
        IReadOnlyList<string> labels;
        if (MultiLabel)
        {
            var above = new List<int>();
            for (int c = 0; c < k; c++) if (p[c] >= MultiLabelThreshold) above.Add(c);
            var pa = p.ToArray();
            labels = above.OrderByDescending(c => pa[c]).ThenBy(c => c).Select(c => _labels[c]).ToArray();
        }
        else labels = [_labels[best]];
        return new TopicPrediction(_labels[best], p[best], topList, labels);
    }

    /// <summary>
    /// The n-grams of <paramref name="text"/> that weighed most for <paramref name="label"/> (default: the
    /// predicted label): feature value × weight, largest positive first.
    /// </summary>
    public IReadOnlyList<NgramContribution> Explain(string text, string? label = null, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(text);
        int c = label is null ? Array.IndexOf(_labels, PredictLabel(text)) : Array.IndexOf(_labels, label);
        if (c < 0) throw new ArgumentException($"unknown label '{label}'", nameof(label));
        int n = Featurizer.Transform(text, out var idx, out var val);
        var list = new List<NgramContribution>(n);
        for (int i = 0; i < n; i++)
        {
            float w = val[i] * _weights[idx[i] * _stride + c];
            if (w != 0) list.Add(new NgramContribution(Featurizer.DisplayName(idx[i]), w));
        }
        return list.OrderByDescending(x => x.Weight).ThenBy(x => x.Ngram, StringComparer.Ordinal).Take(count).ToArray();
    }

    // Linear scores per label, in a per-thread buffer of length _stride.
    private float[] Scores(ReadOnlySpan<char> text, TextDocument? document)
    {
        var scores = t_scores;
        if (scores is null || scores.Length < _stride) t_scores = scores = new float[Math.Max(_stride, 64)];
        var acc = scores.AsSpan(0, _stride);
        acc.Clear();
        _bias.CopyTo(acc);
        int n = document is null ? Featurizer.Transform(text, out var idx, out var val) : Featurizer.Transform(document, out idx, out val);
        var accV = MemoryMarshal.Cast<float, Vector<float>>(acc);
        var wAll = _weights.AsSpan();
        for (int i = 0; i < n; i++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(wAll.Slice(idx[i] * _stride, _stride));
            var v = new Vector<float>(val[i]);
            for (int j = 0; j < accV.Length; j++) accV[j] += row[j] * v;
        }
        return scores;
    }

    /// <summary>Writes the model (gzip-compressed binary, weights as half floats) to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        var o = Featurizer.Options;
        w.Write(o.WordNgramLength); w.Write(o.CharNgramMinLength); w.Write(o.CharNgramMaxLength);
        w.Write(o.UseStems); w.Write(o.MinDocumentFrequency); w.Write(o.SublinearTermFrequency); w.Write(o.TitleFeatures);
        w.Write(MultiLabel); w.Write(MultiLabelThreshold);
        w.Write(_labels.Length);
        foreach (var l in _labels) w.Write(l);
        foreach (var b in _bias.AsSpan(0, _labels.Length)) w.Write(b);
        int d = Featurizer.Dimension;
        w.Write(d); w.Write(Featurizer.WordFeatureCount);
        for (int f = 0; f < d; f++) { w.Write(Featurizer.Names[f]); w.Write(Featurizer.Idf[f]); }
        for (int f = 0; f < d; f++)
            for (int c = 0; c < _labels.Length; c++) w.Write((Half)_weights[f * _stride + c]);
        // format 2: the words whose features are pre-computed
        w.Write(Featurizer.KnownWords.Count);
        foreach (var word in Featurizer.KnownWords) w.Write(word);
        // format 3: the training fingerprint (count, then the sorted hashes)
        var hashes = Training is null ? [] : Training.Hashes;
        w.Write(hashes.Length);
        foreach (var h in hashes) w.Write(h);
    }

    /// <summary>The largest model file <see cref="Load(string)"/> accepts (bytes, compressed).</summary>
    public const long MaxModelFileBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Reads a model written by <see cref="Save(Stream)"/>. A stream that is not a topic model, truncated, damaged or
    /// beyond the size limits (512 MB decompressed, 2^24 features, 10,000 labels, 4,096-character strings) fails
    /// with an <see cref="InvalidDataException"/> that says what is wrong.
    /// </summary>
    public static TopicClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new TopicModelReader(stream);
        return TopicModelReader.Guard(() => Read(r));
    }

    private const int MaxLabels = 10_000, MaxFeatures = 1 << 24, MaxWeights = 1 << 27;

    private static TopicClassifier Read(TopicModelReader r)
    {
        string magic;
        try { magic = r.ReadString("the header"); }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        { throw new InvalidDataException("not a Polder topic model", e); }
        if (magic != Magic) throw new InvalidDataException("not a Polder topic model");
        int version = r.ReadInt32("the format version", int.MinValue, int.MaxValue);
        if (version is < 1 or > FormatVersion) throw new InvalidDataException($"topic model format {version} is not supported (expected 1..{FormatVersion})");
        var o = new TextFeaturizerOptions
        {
            WordNgramLength = r.ReadInt32("the word n-gram length", 0, 3),
            CharNgramMinLength = r.ReadInt32("the shortest character n-gram", 0, 8),
            CharNgramMaxLength = r.ReadInt32("the longest character n-gram", 0, 8),
            UseStems = r.ReadBoolean(),
            MinDocumentFrequency = r.ReadInt32("the minimum document frequency", 1, int.MaxValue),
            SublinearTermFrequency = r.ReadBoolean(),
            TitleFeatures = r.ReadBoolean(),
        };
        bool multi = r.ReadBoolean();
        float threshold = r.ReadFinite("the multi-label threshold");
        int k = r.ReadInt32("the number of labels", 1, MaxLabels);
        var labels = new string[k];
        for (int c = 0; c < k; c++) labels[c] = r.ReadString("a label");
        if (labels.Distinct(StringComparer.Ordinal).Count() != k) throw new InvalidDataException("topic model: a label occurs twice");
        var bias = new float[k];
        for (int c = 0; c < k; c++) bias[c] = r.ReadFinite("a bias");
        int d = r.ReadInt32("the number of features", 1, Math.Min(MaxFeatures, MaxWeights / k));
        int wordCount = r.ReadInt32("the number of word features", 0, d);
        var names = new string[d]; var idf = new float[d];
        for (int f = 0; f < d; f++) { names[f] = r.ReadString("a feature name"); idf[f] = r.ReadFinite("an idf"); }
        var weights = new float[d * k];
        for (int i = 0; i < weights.Length; i++) weights[i] = r.ReadHalf("a weight");
        string[]? known = null;
        if (version >= 2)
        {
            int n = r.ReadInt32("the number of known words", 0, MaxFeatures);
            known = new string[n];
            for (int i = 0; i < n; i++) known[i] = r.ReadString("a known word");
        }
        TrainingFingerprint? training = null;
        if (version >= 3)
        {
            int n = r.ReadInt32("the number of training hashes", 0, MaxFeatures);
            var hashes = new ulong[n];
            for (int i = 0; i < n; i++) hashes[i] = r.ReadUInt64();
            training = n == 0 ? null : TrainingFingerprint.FromHashes(hashes);
        }
        return new TopicClassifier(new TextFeaturizer(o, names, idf, wordCount, known), labels, weights, bias, multi, threshold, training);
    }

    /// <summary>Reads a model from a file.</summary>
    public static TopicClassifier Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var s = File.OpenRead(path);
        if (s.Length > MaxModelFileBytes) throw new InvalidDataException($"{path}: {s.Length} bytes is more than a topic model may have ({MaxModelFileBytes})");
        try { return Load(s); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    /// <summary>Saves the model to a file.</summary>
    public void Save(string path)
    {
        using var s = File.Create(path);
        Save(s);
    }

    private static readonly Lazy<TopicClassifier> LazyThemes = new(() =>
    {
        using var s = typeof(TopicClassifier).Assembly.GetManifestResourceStream("Polder.Topics.themes-dekamer.model")
            ?? throw new InvalidOperationException("the embedded themes model is missing from Polder.Core");
        return Load(s);
    });

    /// <summary>
    /// The shipped Dutch policy-theme model (33 themes of the Belgian Chamber's written questions, trained on
    /// dekamer-2017-jan-may, CC0). See models/themes-dekamer.md.
    /// </summary>
    public static TopicClassifier Themes => LazyThemes.Value;
}

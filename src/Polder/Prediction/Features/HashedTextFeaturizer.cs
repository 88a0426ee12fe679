using Polder.Sentiment;
using Polder.Text;
using Polder.Prediction.Learners;

namespace Polder.Prediction.Features;

/// <summary>Settings of <see cref="HashedTextFeaturizer"/>.</summary>
public sealed record TextFeaturizerOptions
{
    /// <summary>Log2 of the number of hash buckets.</summary>
    public int HashBits { get; init; } = 18;
    /// <summary>Also hash stem bigrams (off by default: on the DPG Media survey they overfit).</summary>
    public bool Bigrams { get; init; } = false;
    /// <summary>Buckets seen in fewer training documents are dropped.</summary>
    public int MinDocumentFrequency { get; init; } = 5;
    /// <summary>Weight of title terms relative to body terms.</summary>
    public float TitleWeight { get; init; } = 4f;
    /// <summary>
    /// Append the Sentiment layer's lexicon and rule features (<see cref="SentimentAnalyzer.GetFeatures(ReadOnlySpan{char}, Span{float})"/> of the
    /// title and body, <see cref="SentimentFeatures.Names"/>) to the dense block.
    /// </summary>
    public bool SentimentFeatures { get; init; } = false;
    /// <summary>Append dense style features (length, quotes, questions, exclamations, first/second person) after the hash buckets.</summary>
    public bool StyleFeatures { get; init; } = true;
}

/// <summary>
/// Turns a Dutch text into a TF-IDF-weighted, L2-normalised sparse vector of hashed Snowball stems and stem bigrams,
/// using Polder's tokenizer and stemmer. <see cref="Fit"/> learns document frequencies; the result is immutable and
/// thread-safe. Hashing is FNV-1a over the stem characters, so vectors are stable across processes and platforms.
/// </summary>
public sealed class HashedTextFeaturizer
{
    private readonly float[] _idf; // 0 = bucket dropped
    private readonly Dictionary<int, string> _names;

    private HashedTextFeaturizer(TextFeaturizerOptions options, float[] idf, Dictionary<int, string> names)
    {
        Options = options; _idf = idf; _names = names;
    }

    /// <summary>The settings.</summary>
    public TextFeaturizerOptions Options { get; }

    /// <summary>The vector length: the hash buckets, then the style features when enabled (rounded up to a power of two).</summary>
    public int Dimension => Options.StyleFeatures || Options.SentimentFeatures ? _idf.Length * 2 : _idf.Length;

    // Index (from the number of hash buckets on) of the first sentiment feature in the dense block.
    private const int SentimentOffset = 16;

    /// <summary>Names of the dense style features (indices from the number of hash buckets on).</summary>
    public static IReadOnlyList<string> StyleNames { get; } = ["style:log_words", "style:quotes_per_word", "style:questions_per_sentence", "style:exclamations_per_sentence", "style:first_person_per_word", "style:second_person_per_word", "style:mean_word_length"];

    /// <summary>A readable term for a bucket (the first stem or bigram seen there during <see cref="Fit"/>).</summary>
    public string NameOf(int bucket) =>
        bucket >= _idf.Length ? (bucket - _idf.Length < StyleNames.Count ? StyleNames[bucket - _idf.Length]
            : bucket - _idf.Length - SentimentOffset is var k and >= 0 && k < Polder.Sentiment.SentimentFeatures.Count ? "sentiment:" + Polder.Sentiment.SentimentFeatures.Names[k] : "#" + bucket)
        : _names.TryGetValue(bucket, out var n) ? n : "#" + bucket;

    /// <summary>Learns document frequencies from <paramref name="documents"/> (title, body).</summary>
    public static HashedTextFeaturizer Fit(IEnumerable<(string Title, string Text)> documents, TextFeaturizerOptions? options = null)
    {
        options ??= new TextFeaturizerOptions();
        int dim = 1 << options.HashBits;
        var df = new int[dim];
        var names = new Dictionary<int, string>();
        int docs = 0;
        foreach (var (title, text) in documents)
        {
            docs++;
            var seen = new HashSet<int>();
            foreach (var (bucket, term, _) in Terms(title, text, options, withNames: true))
            {
                if (seen.Add(bucket)) df[bucket]++;
                if (term is not null) names.TryAdd(bucket, term);
            }
        }
        var idf = new float[dim];
        for (int b = 0; b < dim; b++)
            idf[b] = df[b] >= options.MinDocumentFrequency ? (float)(Math.Log((1.0 + docs) / (1.0 + df[b])) + 1) : 0f;
        foreach (var b in names.Keys.Where(b => idf[b] == 0).ToList()) names.Remove(b);
        return new HashedTextFeaturizer(options, idf, names);
    }

    /// <summary>The feature vector of one document.</summary>
    public SparseVector Transform(string title, string text)
    {
        var tf = new Dictionary<int, float>();
        foreach (var (bucket, _, weight) in Terms(title, text, Options, withNames: false))
            if (_idf[bucket] > 0) tf[bucket] = tf.GetValueOrDefault(bucket) + weight;
        if (tf.Count == 0) return SparseVector.Empty;
        var idx = tf.Keys.Order().ToArray();
        var val = new float[idx.Length];
        double norm = 0;
        for (int i = 0; i < idx.Length; i++)
        {
            val[i] = (float)((1 + Math.Log(tf[idx[i]])) * _idf[idx[i]]);
            norm += val[i] * val[i];
        }
        float inv = (float)(1 / Math.Sqrt(norm));
        for (int i = 0; i < val.Length; i++) val[i] *= inv;
        if (!Options.StyleFeatures && !Options.SentimentFeatures) return new SparseVector(idx, val);
        var dense = new List<(int Index, float Value)>();
        if (Options.StyleFeatures)
        {
            var style = Style(title, text);
            for (int k = 0; k < style.Length; k++) dense.Add((_idf.Length + k, style[k]));
        }
        if (Options.SentimentFeatures)
        {
            Span<float> f = stackalloc float[Polder.Sentiment.SentimentFeatures.Count];
            SentimentAnalyzer.Default.GetFeatures(string.IsNullOrEmpty(title) ? text ?? "" : title + ". " + text, f);
            for (int k = 0; k < f.Length; k++) dense.Add((_idf.Length + SentimentOffset + k, f[k]));
        }
        var idx2 = new int[idx.Length + dense.Count];
        var val2 = new float[idx2.Length];
        idx.CopyTo(idx2, 0); val.CopyTo(val2, 0);
        for (int k = 0; k < dense.Count; k++) { idx2[idx.Length + k] = dense[k].Index; val2[idx.Length + k] = dense[k].Value; }
        return new SparseVector(idx2, val2);
    }

    private static float[] Style(string title, string text)
    {
        int words = 0, chars = 0, quotes = 0, questions = 0, exclamations = 0, first = 0, second = 0;
        foreach (var token in DutchTokenizer.Default.Tokenize(text ?? ""))
        {
            var t = (text ?? "").AsSpan(token.Start, token.Length);
            if (token.Kind == TokenKind.Word)
            {
                words++; chars += t.Length;
                if (t.Equals("ik", StringComparison.OrdinalIgnoreCase) || t.Equals("mijn", StringComparison.OrdinalIgnoreCase) || t.Equals("wij", StringComparison.OrdinalIgnoreCase)
                    || t.Equals("we", StringComparison.OrdinalIgnoreCase) || t.Equals("ons", StringComparison.OrdinalIgnoreCase) || t.Equals("onze", StringComparison.OrdinalIgnoreCase)) first++;
                if (t.Equals("je", StringComparison.OrdinalIgnoreCase) || t.Equals("jij", StringComparison.OrdinalIgnoreCase) || t.Equals("u", StringComparison.OrdinalIgnoreCase)
                    || t.Equals("jullie", StringComparison.OrdinalIgnoreCase) || t.Equals("jouw", StringComparison.OrdinalIgnoreCase) || t.Equals("uw", StringComparison.OrdinalIgnoreCase)) second++;
            }
            else if (token.Kind == TokenKind.Punctuation)
            {
                foreach (var c in t)
                {
                    if (c is '"' or '\u201C' or '\u201D' or '\'' or '\u2018' or '\u2019') quotes++;
                    else if (c == '?') questions++;
                    else if (c == '!') exclamations++;
                }
            }
        }
        int sentences = Math.Max(1, SentenceCount(text ?? ""));
        float perWord(int n) => words == 0 ? 0 : Math.Min(1f, 10f * n / words);
        return [(float)(Math.Log(1 + words) / 8), perWord(quotes), Math.Min(1f, (float)questions / sentences), Math.Min(1f, (float)exclamations / sentences),
            perWord(first), perWord(second), words == 0 ? 0 : (float)chars / words / 10];
    }

    private static int SentenceCount(string text)
    {
        int n = 0;
        for (int i = 0; i < text.Length; i++) if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))) n++;
        return n;
    }

    private static IEnumerable<(int Bucket, string? Term, float Weight)> Terms(string title, string text, TextFeaturizerOptions o, bool withNames)
    {
        int mask = (1 << o.HashBits) - 1;
        foreach (var (part, weight) in new[] { (title, o.TitleWeight), (text, 1f) })
        {
            if (string.IsNullOrEmpty(part)) continue;
            string? prev = null;
            foreach (var token in DutchTokenizer.Default.Tokenize(part))
            {
                if (token.Kind is not (TokenKind.Word or TokenKind.Clitic or TokenKind.Number)) { prev = null; continue; }
                string stem = token.Kind == TokenKind.Number ? "<num>" : DutchStemmer.Default.Stem(part.Substring(token.Start, token.Length).ToLowerInvariant());
                yield return ((int)(Fnv(stem, 0x811C9DC5u) & (uint)mask), withNames ? stem : null, weight);
                if (o.Bigrams && prev is not null)
                {
                    uint h = Fnv(stem, Fnv(prev, 0x811C9DC5u) ^ 0x20u);
                    yield return ((int)(h & (uint)mask), withNames ? prev + " " + stem : null, weight);
                }
                prev = stem;
            }
        }
    }

    private static uint Fnv(string s, uint h)
    {
        foreach (char c in s) { h ^= c; h *= 16777619u; }
        return h;
    }

    /// <summary>Writes the featurizer.</summary>
    public void Save(BinaryWriter w)
    {
        w.Write("PolderHashedText2");
        w.Write(Options.HashBits); w.Write(Options.Bigrams); w.Write(Options.MinDocumentFrequency); w.Write(Options.TitleWeight); w.Write(Options.StyleFeatures);
        w.Write(Options.SentimentFeatures);
        int nz = _idf.Count(v => v > 0);
        w.Write(nz);
        for (int i = 0; i < _idf.Length; i++) if (_idf[i] > 0) { w.Write(i); w.Write(_idf[i]); }
        w.Write(_names.Count);
        foreach (var (k, v) in _names.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
    }

    /// <summary>Reads a featurizer written by <see cref="Save"/>.</summary>
    public static HashedTextFeaturizer Load(BinaryReader r)
    {
        if (r.ReadString() != "PolderHashedText2") throw new InvalidDataException("not a Polder text featurizer (version 2)");
        var o = new TextFeaturizerOptions { HashBits = r.ReadInt32(), Bigrams = r.ReadBoolean(), MinDocumentFrequency = r.ReadInt32(), TitleWeight = r.ReadSingle(), StyleFeatures = r.ReadBoolean(),
            SentimentFeatures = r.ReadBoolean() };
        if (o.HashBits is < 1 or > 24) throw new InvalidDataException("hash bits out of range");
        var idf = new float[1 << o.HashBits];
        if (o.MinDocumentFrequency < 0 || !(o.TitleWeight >= 0) || float.IsInfinity(o.TitleWeight)) throw new InvalidDataException("text featurizer settings out of range");
        int nz = r.ReadInt32();
        if (nz < 0 || nz > idf.Length) throw new InvalidDataException($"idf entry count {nz} is outside 0..{idf.Length}");
        for (int i = 0; i < nz; i++) idf[Bucket(r.ReadInt32(), idf.Length)] = r.ReadSingle();
        int nn = r.ReadInt32();
        if (nn < 0 || nn > idf.Length) throw new InvalidDataException($"bucket name count {nn} is outside 0..{idf.Length}");
        var names = new Dictionary<int, string>(nn);
        for (int i = 0; i < nn; i++) names[Bucket(r.ReadInt32(), idf.Length)] = r.ReadString();
        return new HashedTextFeaturizer(o, idf, names);
    }

    private static int Bucket(int k, int length) => (uint)k < (uint)length ? k : throw new InvalidDataException($"bucket {k} is outside 0..{length - 1}");
}

using Polder.Text;

namespace Polder.Prediction;

/// <summary>Settings of <see cref="HashedTextFeaturizer"/>.</summary>
public sealed record TextFeaturizerOptions
{
    /// <summary>Log2 of the number of hash buckets.</summary>
    public int HashBits { get; init; } = 18;
    /// <summary>Also hash stem bigrams (off by default: on the DPG Media survey they overfit).</summary>
    public bool Bigrams { get; init; } = false;
    /// <summary>Buckets seen in fewer training documents are dropped.</summary>
    public int MinDocumentFrequency { get; init; } = 2;
    /// <summary>Weight of title terms relative to body terms.</summary>
    public float TitleWeight { get; init; } = 2f;
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

    /// <summary>Number of buckets (the vector length).</summary>
    public int Dimension => _idf.Length;

    /// <summary>A readable term for a bucket (the first stem or bigram seen there during <see cref="Fit"/>).</summary>
    public string NameOf(int bucket) => _names.TryGetValue(bucket, out var n) ? n : "#" + bucket;

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
        return new SparseVector(idx, val);
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
        w.Write("PolderHashedText1");
        w.Write(Options.HashBits); w.Write(Options.Bigrams); w.Write(Options.MinDocumentFrequency); w.Write(Options.TitleWeight);
        int nz = _idf.Count(v => v > 0);
        w.Write(nz);
        for (int i = 0; i < _idf.Length; i++) if (_idf[i] > 0) { w.Write(i); w.Write(_idf[i]); }
        w.Write(_names.Count);
        foreach (var (k, v) in _names.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
    }

    /// <summary>Reads a featurizer written by <see cref="Save"/>.</summary>
    public static HashedTextFeaturizer Load(BinaryReader r)
    {
        if (r.ReadString() != "PolderHashedText1") throw new InvalidDataException("not a Polder text featurizer");
        var o = new TextFeaturizerOptions { HashBits = r.ReadInt32(), Bigrams = r.ReadBoolean(), MinDocumentFrequency = r.ReadInt32(), TitleWeight = r.ReadSingle() };
        var idf = new float[1 << o.HashBits];
        int nz = r.ReadInt32();
        for (int i = 0; i < nz; i++) { int k = r.ReadInt32(); idf[k] = r.ReadSingle(); }
        int nn = r.ReadInt32();
        var names = new Dictionary<int, string>(nn);
        for (int i = 0; i < nn; i++) { int k = r.ReadInt32(); names[k] = r.ReadString(); }
        return new HashedTextFeaturizer(o, idf, names);
    }
}

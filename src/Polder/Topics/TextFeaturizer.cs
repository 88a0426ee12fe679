using System.Runtime.CompilerServices;
using Polder.Text;

namespace Polder.Topics;

/// <summary>
/// Turns a text into a sparse TF-IDF vector of word n-grams and within-word character n-grams through Polder's
/// tokenizer (and optionally its stemmer). Fitted on training texts (vocabulary and IDF), then immutable and
/// thread-safe; a per-thread scratch keeps <see cref="Transform"/> free of allocation.
/// </summary>
internal sealed class TextFeaturizer
{
    private const char GramSeparator = ' ';
    private readonly NgramTable _gramLookup;
    private readonly NgramTable _wordCharLookup;
    private readonly int[][] _wordCharIds;
    private readonly string[] _names;
    private readonly float[] _idf;

    [ThreadStatic] private static Scratch? t_scratch;

    // A title is the first line; longer first lines are cut here.
    private const int MaxTitleWords = 40;

    /// <summary>Creates a featurizer from its vocabulary: word n-gram features first, then character n-grams.</summary>
    /// <param name="options">The n-gram settings.</param>
    /// <param name="names">Feature keys: word n-grams (words joined by a space) then character n-grams prefixed by <c>#</c>.</param>
    /// <param name="idf">Inverse document frequency per feature.</param>
    /// <param name="wordFeatureCount">How many of <paramref name="names"/> are word n-grams.</param>
    public TextFeaturizer(TextFeaturizerOptions options, string[] names, float[] idf, int wordFeatureCount)
    {
        options.Validate();
        if (names.Length != idf.Length) throw new ArgumentException("names and idf differ in length");
        Options = options;
        _names = names;
        _idf = idf;
        WordFeatureCount = wordFeatureCount;
        _gramLookup = new NgramTable(names);
        // Character n-grams of known words are looked up once, here, not per occurrence.
        _wordCharIds = new int[names.Length][];
        if (!options.UseStems && options.CharNgramMaxLength > 0)
        {
            var ids = new List<int>();
            var buffer = new char[128];
            for (int i = 0; i < wordFeatureCount; i++)
            {
                var w = names[i];
                if (w.Contains(GramSeparator) || w.StartsWith('^') || w.Length + 3 > buffer.Length) continue;
                ids.Clear();
                ForEachCharGram(w, buffer, (gram, list) =>
                {
                    if (_gramLookup.TryGetValue(gram, out int id)) list.Add(id);
                }, ids);
                _wordCharIds[i] = ids.ToArray();
            }
        }
        _wordCharLookup = new NgramTable(names, i => _wordCharIds[i] is not null);
    }

    /// <summary>The n-gram settings.</summary>
    public TextFeaturizerOptions Options { get; }

    /// <summary>Number of features.</summary>
    public int Dimension => _idf.Length;

    /// <summary>Features [0, WordFeatureCount) are word n-grams; the rest character n-grams.</summary>
    public int WordFeatureCount { get; }

    /// <summary>Feature keys (see the constructor).</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Inverse document frequencies.</summary>
    public ReadOnlySpan<float> Idf => _idf;

    /// <summary>A readable name: the word n-gram, or the character n-gram in brackets with spaces as <c>_</c>.</summary>
    public string DisplayName(int feature) =>
        feature < WordFeatureCount ? _names[feature] : "[" + _names[feature].AsSpan(1).ToString().Replace(' ', '_') + "]";

    /// <summary>Learns the vocabulary and IDF from <paramref name="texts"/>.</summary>
    public static TextFeaturizer Fit(IReadOnlyList<string> texts, TextFeaturizerOptions options)
    {
        options.Validate();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var df = new List<int>();
        var lastDoc = new List<int>();
        var isWord = new List<bool>();
        var scratch = new Scratch();
        for (int doc = 0; doc < texts.Count; doc++)
        {
            Analyze(texts[doc], options, scratch);
            EnumerateGrams(options, scratch, (gram, word) =>
            {
                if (!lookup.TryGetValue(gram, out int id))
                {
                    id = df.Count;
                    lookup.TryAdd(gram, id);
                    df.Add(0); lastDoc.Add(-1); isWord.Add(word);
                }
                if (lastDoc[id] != doc) { lastDoc[id] = doc; df[id]++; }
            });
        }
        var keys = new string[df.Count];
        foreach (var (k, v) in index) keys[v] = k;
        var kept = Enumerable.Range(0, keys.Length).Where(i => df[i] >= options.MinDocumentFrequency).ToArray();
        // word n-grams first, then character n-grams; ordinal order inside each block: deterministic
        var words = kept.Where(i => isWord[i]).OrderBy(i => keys[i], StringComparer.Ordinal).ToArray();
        var chars = kept.Where(i => !isWord[i]).OrderBy(i => keys[i], StringComparer.Ordinal).ToArray();
        var order = words.Concat(chars).ToArray();
        var names = new string[order.Length];
        var idf = new float[order.Length];
        double n = texts.Count;
        for (int i = 0; i < order.Length; i++)
        {
            names[i] = keys[order[i]];
            idf[i] = (float)(Math.Log((1 + n) / (1 + df[order[i]])) + 1);
        }
        return new TextFeaturizer(options, names, idf, words.Length);
    }

    /// <summary>
    /// The sparse feature vector of <paramref name="text"/>: feature indices (unsorted) and their TF-IDF values,
    /// each block L2-normalised. The returned spans are valid until the next call on this thread.
    /// </summary>
    public int Transform(ReadOnlySpan<char> text, out ReadOnlySpan<int> indices, out ReadOnlySpan<float> values)
    {
        var s = t_scratch ??= new Scratch();
        s.EnsureDimension(Dimension);
        Analyze(text, Options, s);
        int[] counts = s.Counts;
        int touched = 0;
        int[] list = s.Touched;
        var o = Options;
        // word n-grams
        if (o.WordNgramLength > 0)
        {
            var gram = s.Gram;
            for (int i = 0; i < s.WordCount; i++)
            {
                int len = 0;
                for (int n = 1; n <= o.WordNgramLength && i - n + 1 >= 0; n++)
                {
                    if (!PrependUnit(s.Unit(i - n + 1), gram, ref len)) break;
                    if (_gramLookup.TryGetValue(gram.AsSpan(0, len), out int id))
                    {
                        if (counts[id]++ == 0) list[touched++] = id;
                    }
                }
            }
        }
        // title words: '^' + unit
        for (int i = 0; i < s.TitleWordCount; i++)
        {
            var unit = s.Unit(i);
            if (unit.Length + 1 > s.Gram.Length) continue;
            s.Gram[0] = '^';
            unit.CopyTo(s.Gram.AsSpan(1));
            if (_gramLookup.TryGetValue(s.Gram.AsSpan(0, unit.Length + 1), out int id))
                if (counts[id]++ == 0) list[touched++] = id;
        }
        // character n-grams of each surface word
        if (o.CharNgramMaxLength > 0)
        {
            int distinct = 0;
            for (int i = 0; i < s.WordCount; i++)
            {
                var w = s.Surface(i);
                if (_wordCharLookup.TryGetValue(w, out int word))
                {
                    // known word: its n-grams are added once per distinct word, times its count (below)
                    if (s.WordMultiplicity[word]++ == 0) s.DistinctWords[distinct++] = word;
                }
                else
                {
                    var pad = s.Gram;
                    if (w.Length + 3 > pad.Length) continue;
                    pad[0] = GramSeparator; w.CopyTo(pad.AsSpan(1)); pad[w.Length + 1] = GramSeparator;
                    int padded = w.Length + 2;
                    for (int n = o.CharNgramMinLength; n <= o.CharNgramMaxLength && n <= padded; n++)
                        for (int st = 0; st + n <= padded; st++)
                        {
                            // key is '#' + gram: assemble in the tail of the scratch buffer
                            var key = s.Key;
                            key[0] = '#';
                            pad.AsSpan(st, n).CopyTo(key.AsSpan(1));
                            if (_gramLookup.TryGetValue(key.AsSpan(0, n + 1), out int id))
                                if (counts[id]++ == 0) list[touched++] = id;
                        }
                }
            }
            for (int j = 0; j < distinct; j++)
            {
                int word = s.DistinctWords[j];
                int times = s.WordMultiplicity[word];
                s.WordMultiplicity[word] = 0;
                foreach (int id in _wordCharIds[word])
                {
                    if (counts[id] == 0) list[touched++] = id;
                    counts[id] += times;
                }
            }
        }
        // TF-IDF and per-block L2 norms
        var vals = s.Values;
        double wordNorm = 0, charNorm = 0;
        bool sub = o.SublinearTermFrequency;
        for (int k = 0; k < touched; k++)
        {
            int f = list[k];
            int tf = counts[f];
            counts[f] = 0;
            float v = (sub ? SublinearTf(tf) : tf) * _idf[f];
            vals[k] = v;
            if (f < WordFeatureCount) wordNorm += v * v; else charNorm += v * v;
        }
        float wScale = wordNorm > 0 ? (float)(1 / Math.Sqrt(wordNorm)) : 0, cScale = charNorm > 0 ? (float)(1 / Math.Sqrt(charNorm)) : 0;
        for (int k = 0; k < touched; k++) vals[k] *= list[k] < WordFeatureCount ? wScale : cScale;
        indices = list.AsSpan(0, touched);
        values = vals.AsSpan(0, touched);
        return touched;
    }

    private static readonly float[] LogTable = Enumerable.Range(0, 256).Select(i => i == 0 ? 0f : (float)(1 + Math.Log(i))).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float SublinearTf(int tf) => tf < LogTable.Length ? LogTable[tf] : (float)(1 + Math.Log(tf));

    // Which tokens carry content for topic features.
    private static bool IsContent(TokenKind kind) =>
        kind is TokenKind.Word or TokenKind.Number or TokenKind.Abbreviation or TokenKind.Hashtag or TokenKind.Mention;

    // Tokenizes, lower-cases and (optionally) stems into the scratch.
    private static void Analyze(ReadOnlySpan<char> text, TextFeaturizerOptions options, Scratch s)
    {
        if (s.Tokens.Length < text.Length) s.Tokens = new Token[Math.Max(text.Length, s.Tokens.Length * 2)];
        int count = DutchTokenizer.Default.Tokenize(text, s.Tokens);
        if (s.Lower.Length < text.Length * 2 + 16) s.Lower = new char[text.Length * 2 + 16];
        if (s.Starts.Length < count + 1) { s.Starts = new int[count + 16]; s.Lengths = new int[count + 16]; s.StemStarts = new int[count + 16]; s.StemLengths = new int[count + 16]; }
        int words = 0, pos = 0;
        var lower = s.Lower;
        int firstBreak = text.IndexOfAny('\n', '\r');
        if (firstBreak < 0) firstBreak = text.Length;
        s.TitleWordCount = 0;
        for (int k = 0; k < count; k++)
        {
            var t = s.Tokens[k];
            if (!IsContent(t.Kind) || t.Length < 2) continue;
            var span = text.Slice(t.Start, t.Length);
            for (int j = 0; j < span.Length; j++) lower[pos + j] = char.ToLowerInvariant(span[j]);
            s.Starts[words] = pos; s.Lengths[words] = span.Length;
            pos += span.Length;
            words++;
            if (options.TitleFeatures && t.Start < firstBreak && words <= MaxTitleWords) s.TitleWordCount = words;
        }
        s.WordCount = words;
        s.UseStems = options.UseStems && options.WordNgramLength > 0;
        if (s.UseStems)
        {
            if (s.StemBuffer.Length < pos * 2 + 16) s.StemBuffer = new char[pos * 2 + 16];
            int sp = 0;
            for (int i = 0; i < words; i++)
            {
                var w = lower.AsSpan(s.Starts[i], s.Lengths[i]);
                int n = DutchStemmer.Default.Stem(w, s.StemBuffer.AsSpan(sp));
                if (n <= 0) { w.CopyTo(s.StemBuffer.AsSpan(sp)); n = w.Length; }
                s.StemStarts[i] = sp; s.StemLengths[i] = n; sp += n;
            }
        }
    }

    // Calls back with every n-gram key of the analysed text (allocation-free spans; training only).
    /// <summary>
    /// Grows the word n-gram in <paramref name="gram"/> by one earlier unit: "u(i-n+1) … u(i)" is built by shifting the
    /// gram right and writing the unit and a separator in front (the first unit is copied as it is). False when the
    /// gram would not fit.
    /// </summary>
    private static bool PrependUnit(ReadOnlySpan<char> unit, char[] gram, ref int len)
    {
        if (len == 0)
        {
            if (unit.Length > gram.Length) return false;
            unit.CopyTo(gram);
            len = unit.Length;
            return true;
        }
        if (len + unit.Length + 1 > gram.Length) return false;
        gram.AsSpan(0, len).CopyTo(gram.AsSpan(unit.Length + 1));
        unit.CopyTo(gram);
        gram[unit.Length] = GramSeparator;
        len += unit.Length + 1;
        return true;
    }

    private static void EnumerateGrams(TextFeaturizerOptions o, Scratch s, GramAction action)
    {
        var gram = s.Gram;
        if (o.WordNgramLength > 0)
            for (int i = 0; i < s.WordCount; i++)
            {
                int len = 0;
                for (int n = 1; n <= o.WordNgramLength && i - n + 1 >= 0; n++)
                {
                    if (!PrependUnit(s.Unit(i - n + 1), gram, ref len)) break;
                    action(gram.AsSpan(0, len), true);
                }
            }
        for (int i = 0; i < s.TitleWordCount; i++)
        {
            var unit = s.Unit(i);
            if (unit.Length + 1 > gram.Length) continue;
            gram[0] = '^';
            unit.CopyTo(gram.AsSpan(1));
            action(gram.AsSpan(0, unit.Length + 1), true);
        }
        if (o.CharNgramMaxLength > 0)
        {
            var pad = new char[s.Gram.Length];
            var key = s.Key;
            for (int i = 0; i < s.WordCount; i++)
            {
                var w = s.Surface(i);
                if (w.Length + 3 > pad.Length) continue;
                pad[0] = GramSeparator; w.CopyTo(pad.AsSpan(1)); pad[w.Length + 1] = GramSeparator;
                int padded = w.Length + 2;
                for (int n = o.CharNgramMinLength; n <= o.CharNgramMaxLength && n <= padded; n++)
                    for (int st = 0; st + n <= padded; st++)
                    {
                        key[0] = '#';
                        pad.AsSpan(st, n).CopyTo(key.AsSpan(1));
                        action(key.AsSpan(0, n + 1), false);
                    }
            }
        }
    }

    private delegate void GramAction(ReadOnlySpan<char> gram, bool word);

    private delegate void CharGramAction(ReadOnlySpan<char> gram, List<int> state);

    // The '#'-prefixed character n-gram keys of one word (used to pre-compute known words).
    private void ForEachCharGram(string word, char[] pad, CharGramAction action, List<int> state)
    {
        var o = Options;
        Span<char> key = stackalloc char[16];
        pad[0] = GramSeparator; word.AsSpan().CopyTo(pad.AsSpan(1)); pad[word.Length + 1] = GramSeparator;
        int padded = word.Length + 2;
        for (int n = o.CharNgramMinLength; n <= o.CharNgramMaxLength && n <= padded; n++)
            for (int st = 0; st + n <= padded; st++)
            {
                key[0] = '#';
                pad.AsSpan(st, n).CopyTo(key[1..]);
                action(key[..(n + 1)], state);
            }
    }

    /// <summary>Per-thread working memory.</summary>
    private sealed class Scratch
    {
        public Token[] Tokens = new Token[1024];
        public char[] Lower = new char[4096];
        public char[] StemBuffer = new char[4096];
        public int[] Starts = new int[512], Lengths = new int[512], StemStarts = new int[512], StemLengths = new int[512];
        public int WordCount;
        public int TitleWordCount;
        public bool UseStems;
        public char[] Gram = new char[256];
        public char[] Key = new char[16];
        public int[] Counts = [];
        public int[] Touched = [];
        public float[] Values = [];
        public int[] WordMultiplicity = [];
        public int[] DistinctWords = [];

        public void EnsureDimension(int dimension)
        {
            if (Counts.Length >= dimension) return;
            Counts = new int[dimension];
            Touched = new int[dimension];
            Values = new float[dimension];
            WordMultiplicity = new int[dimension];
            DistinctWords = new int[dimension];
        }

        public ReadOnlySpan<char> Surface(int i) => Lower.AsSpan(Starts[i], Lengths[i]);

        public ReadOnlySpan<char> Unit(int i) => UseStems ? StemBuffer.AsSpan(StemStarts[i], StemLengths[i]) : Surface(i);
    }
}

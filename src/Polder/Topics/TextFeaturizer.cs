using System.Runtime.CompilerServices;
using Polder.Text;

namespace Polder.Topics;

/// <summary>
/// Turns a text into a sparse TF-IDF vector of word n-grams and within-word character n-grams through Polder's
/// tokenizer (and optionally its stemmer). Fitted on training texts (vocabulary and IDF), then immutable and
/// thread-safe; a per-thread scratch keeps <see cref="Transform(ReadOnlySpan{char}, out ReadOnlySpan{int}, out ReadOnlySpan{float})"/> free of allocation.
/// </summary>
internal sealed class TextFeaturizer
{
    private const char GramSeparator = ' ';
    private readonly NgramTable _gramLookup;
    private readonly NgramTable _wordLookup;
    // Known word w: its single-word features are _wordFeatures[_wordStart[w] .. _wordStart[w + 1]), its title
    // feature _wordTitle[w] (or -1), and _wordFlags[w] says whether it starts or ends any word n-gram feature.
    private readonly int[] _wordFeatures;
    private readonly int[] _wordStart;
    private readonly int[] _wordTitle;
    private readonly byte[] _wordFlags;
    private readonly string[] _knownWords;
    private readonly bool _cachedUnigrams;
    private readonly bool _gated;
    private const byte StartsNgram = 1, EndsNgram = 2;
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
    /// <param name="knownWords">
    /// Lower-cased words (as in training texts) whose single-word features (their unigram and character n-grams)
    /// are looked up once here instead of per occurrence; null = the unigram features.
    /// </param>
    public TextFeaturizer(TextFeaturizerOptions options, string[] names, float[] idf, int wordFeatureCount, string[]? knownWords = null)
    {
        options.Validate();
        if (names.Length != idf.Length) throw new ArgumentException("names and idf differ in length");
        if (wordFeatureCount < 0 || wordFeatureCount > names.Length) throw new ArgumentOutOfRangeException(nameof(wordFeatureCount));
        Options = options;
        _names = names;
        _idf = idf;
        WordFeatureCount = wordFeatureCount;
        _gramLookup = new NgramTable(names);
        _knownWords = knownWords ?? names.Take(wordFeatureCount).Where(w => !w.Contains(GramSeparator) && !w.StartsWith('^')).ToArray();
        _wordLookup = new NgramTable(_knownWords);
        // Without stems a word's unigram and title feature are its own, cached here. When the known words are every
        // training word (knownWords given), a word n-gram feature consists of known words only, so n-grams need only
        // be looked up between words that start and end one ("gated").
        _cachedUnigrams = !options.UseStems && options.WordNgramLength > 0;
        _gated = _cachedUnigrams && knownWords is not null;
        _wordStart = new int[_knownWords.Length + 1];
        _wordTitle = new int[_knownWords.Length];
        _wordFlags = new byte[_knownWords.Length];
        var ids = new List<int>();
        var pad = new char[Scratch.GramLength];
        for (int i = 0; i < _knownWords.Length; i++)
        {
            var w = _knownWords[i];
            _wordStart[i] = ids.Count;
            if (_cachedUnigrams && _gramLookup.TryGetValue(w, out int uni)) ids.Add(uni);
            if (options.CharNgramMaxLength > 0 && w.Length + 3 <= pad.Length)
                ForEachCharGram(w, pad, (gram, list) =>
                {
                    if (_gramLookup.TryGetValue(gram, out int id)) list.Add(id);
                }, ids);
            _wordTitle[i] = _cachedUnigrams && options.TitleFeatures && _gramLookup.TryGetValue("^" + w, out int title) ? title : -1;
        }
        _wordStart[^1] = ids.Count;
        _wordFeatures = ids.ToArray();
        if (_gated)
        {
            // every split of an n-gram at a separator: a superset when a word itself holds a space, which is safe
            for (int f = 0; f < wordFeatureCount; f++)
            {
                var name = names[f];
                if (name.StartsWith('^')) continue;
                for (int cut = name.IndexOf(GramSeparator); cut > 0; cut = name.IndexOf(GramSeparator, cut + 1))
                {
                    if (_wordLookup.TryGetValue(name.AsSpan(0, cut), out int first)) _wordFlags[first] |= StartsNgram;
                    if (_wordLookup.TryGetValue(name.AsSpan(cut + 1), out int last)) _wordFlags[last] |= EndsNgram;
                }
            }
        }
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

    /// <summary>The words whose features are pre-computed (see the constructor).</summary>
    public IReadOnlyList<string> KnownWords => _knownWords;

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
        var known = new HashSet<string>(StringComparer.Ordinal);
        var knownLookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int doc = 0; doc < texts.Count; doc++)
        {
            Analyze(texts[doc], options, scratch);
            for (int i = 0; i < scratch.WordCount; i++) knownLookup.Add(scratch.Surface(i));
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
        var knownWords = known.Order(StringComparer.Ordinal).ToArray();
        return new TextFeaturizer(options, names, idf, words.Length, knownWords);
    }

    /// <summary>A featurizer over the features <paramref name="kept"/> (ascending indices) of this one.</summary>
    public TextFeaturizer Subset(IReadOnlyList<int> kept)
    {
        var words = kept.Where(f => f < WordFeatureCount).ToArray();
        var chars = kept.Where(f => f >= WordFeatureCount).ToArray();
        var all = words.Concat(chars).ToArray();
        return new TextFeaturizer(Options, all.Select(f => _names[f]).ToArray(), all.Select(f => _idf[f]).ToArray(), words.Length, _knownWords);
    }

    /// <summary>
    /// The sparse feature vector of <paramref name="text"/>: feature indices (unsorted) and their TF-IDF values,
    /// each block L2-normalised. The returned spans are valid until the next call on this thread.
    /// </summary>
    public int Transform(ReadOnlySpan<char> text, out ReadOnlySpan<int> indices, out ReadOnlySpan<float> values) =>
        Transform(text, null, out indices, out values);

    /// <summary>As <see cref="Transform(ReadOnlySpan{char}, out ReadOnlySpan{int}, out ReadOnlySpan{float})"/>, from <paramref name="document"/>'s tokens.</summary>
    public int Transform(TextDocument document, out ReadOnlySpan<int> indices, out ReadOnlySpan<float> values)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Transform(document.Text, document, out indices, out values);
    }

    private int Transform(ReadOnlySpan<char> text, TextDocument? document, out ReadOnlySpan<int> indices, out ReadOnlySpan<float> values)
    {
        var s = t_scratch ??= new Scratch();
        s.EnsureDimension(Dimension, _knownWords.Length);
        if (document is null) Analyze(text, Options, s);
        else Analyze(text, document.Tokens, Options, s, document);
        int[] counts = s.Counts;
        int touched = 0;
        int[] list = s.Touched;
        var o = Options;
        bool chars = o.CharNgramMaxLength > 0;
        // single words: known words are counted here and get their features below, once per distinct word
        int distinct = 0;
        int[] wordOf = s.WordIds;
        for (int i = 0; i < s.WordCount; i++)
        {
            if (_wordLookup.TryGetValue(NgramTable.Finish(s.SurfaceHash[i]), out int word))
            {
                if (s.WordMultiplicity[word]++ == 0) s.DistinctWords[distinct++] = word;
                wordOf[i] = word;
                if (_cachedUnigrams) continue;
            }
            wordOf[i] = word;
            if (o.WordNgramLength > 0 && _gramLookup.TryGetValue(NgramTable.Finish(s.UnitHash[i]), out int uni))
                if (counts[uni]++ == 0) list[touched++] = uni;
            if (word < 0 && chars) touched = CountCharGrams(s.Surface(i), s, touched);
        }
        // word n-grams of two and more words: "u1 u2" hashed by continuing the hash of "u1"
        for (int i = 0; i + 1 < s.WordCount && o.WordNgramLength > 1; i++)
        {
            if (_gated && (wordOf[i] < 0 || (_wordFlags[wordOf[i]] & StartsNgram) == 0)) continue;
            ulong h = s.UnitHash[i];
            for (int n = 2; n <= o.WordNgramLength && i + n - 1 < s.WordCount; n++)
            {
                int last = i + n - 1;
                if (_gated && n == o.WordNgramLength && (wordOf[last] < 0 || (_wordFlags[wordOf[last]] & EndsNgram) == 0)) break;
                h = NgramTable.Feed(NgramTable.Feed(h, GramSeparator), s.Unit(last));
                if (_gated && (wordOf[last] < 0 || (_wordFlags[wordOf[last]] & EndsNgram) == 0)) continue;
                if (_gramLookup.TryGetFiltered(NgramTable.Finish(h), out int id))
                    if (counts[id]++ == 0) list[touched++] = id;
            }
        }
        // title words: '^' + unit
        ulong titleHash = NgramTable.Feed(NgramTable.Start, '^');
        for (int i = 0; i < s.TitleWordCount; i++)
        {
            int id;
            if (_cachedUnigrams && wordOf[i] >= 0) id = _wordTitle[wordOf[i]];
            else if (!_gramLookup.TryGetValue(NgramTable.Finish(NgramTable.Feed(titleHash, s.Unit(i))), out id)) continue;
            if (id >= 0 && counts[id]++ == 0) list[touched++] = id;
        }
        for (int j = 0; j < distinct; j++)
        {
            int word = s.DistinctWords[j];
            int times = s.WordMultiplicity[word];
            s.WordMultiplicity[word] = 0;
            foreach (int id in _wordFeatures.AsSpan(_wordStart[word], _wordStart[word + 1] - _wordStart[word]))
            {
                if (counts[id] == 0) list[touched++] = id;
                counts[id] += times;
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

    // The character n-grams of a word that is not pre-computed, counted one by one.
    private int CountCharGrams(ReadOnlySpan<char> w, Scratch s, int touched)
    {
        var pad = s.Gram;
        if (w.Length + 3 > pad.Length) return touched;
        var o = Options;
        pad[0] = GramSeparator; w.CopyTo(pad.AsSpan(1)); pad[w.Length + 1] = GramSeparator;
        int padded = w.Length + 2;
        ulong hash = NgramTable.Feed(NgramTable.Start, '#');
        for (int st = 0; st + o.CharNgramMinLength <= padded; st++)
        {
            ulong h = NgramTable.Feed(hash, pad.AsSpan(st, o.CharNgramMinLength - 1));
            for (int n = o.CharNgramMinLength; n <= o.CharNgramMaxLength && st + n <= padded; n++)
            {
                h = NgramTable.Feed(h, pad[st + n - 1]);
                if (_gramLookup.TryGetFiltered(NgramTable.Finish(h), out int id))
                    if (s.Counts[id]++ == 0) s.Touched[touched++] = id;
            }
        }
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
        Analyze(text, s.Tokens.AsSpan(0, count), options, s);
    }

    // Lower-cases and (optionally) stems the content tokens of an already tokenised text into the scratch.
    // With a document its lower-case forms and stems are read, not computed again.
    private static void Analyze(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, TextFeaturizerOptions options, Scratch s, TextDocument? document = null)
    {
        int count = tokens.Length;
        if (s.Lower.Length < text.Length * 2 + 16) s.Lower = new char[text.Length * 2 + 16];
        if (s.Starts.Length < count + 1) s.EnsureWords(count + 16);
        int words = 0, pos = 0;
        var lower = s.Lower;
        int firstBreak = text.IndexOfAny('\n', '\r');
        if (firstBreak < 0) firstBreak = text.Length;
        s.TitleWordCount = 0;
        for (int k = 0; k < count; k++)
        {
            var t = tokens[k];
            if (!IsContent(t.Kind) || t.Length < 2) continue;
            var span = text.Slice(t.Start, t.Length);
            ulong h = NgramTable.Start;
            if (document is not null)
            {
                var low = document.Lower(k);
                low.CopyTo(lower.AsSpan(pos));
                h = NgramTable.Feed(h, low);
            }
            else
                for (int j = 0; j < span.Length; j++)
                {
                    char c = span[j];
                    c = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
                    lower[pos + j] = c;
                    h = NgramTable.Feed(h, c);
                }
            s.TokenIndex[words] = k;
            s.Starts[words] = pos; s.Lengths[words] = span.Length; s.SurfaceHash[words] = h; s.UnitHash[words] = h;
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
                int n;
                if (document is not null)
                {
                    // the document's stem layer: the same stemmer on the same lower-case form
                    var stem = document.Stem(s.TokenIndex[i]);
                    stem.CopyTo(s.StemBuffer.AsSpan(sp));
                    n = stem.Length;
                }
                else
                {
                    n = DutchStemmer.Default.Stem(w, s.StemBuffer.AsSpan(sp));
                    if (n <= 0) { w.CopyTo(s.StemBuffer.AsSpan(sp)); n = w.Length; }
                }
                s.StemStarts[i] = sp; s.StemLengths[i] = n;
                s.UnitHash[i] = NgramTable.Feed(NgramTable.Start, s.StemBuffer.AsSpan(sp, n));
                sp += n;
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
        /// <summary>The longest n-gram key in characters.</summary>
        public const int GramLength = 256;

        public Token[] Tokens = new Token[1024];
        public char[] Lower = new char[4096];
        public char[] StemBuffer = new char[4096];
        public int[] Starts = [], Lengths = [], StemStarts = [], StemLengths = [], TokenIndex = [];
        public ulong[] SurfaceHash = [], UnitHash = [];
        public int[] WordIds = [];
        public int WordCount;
        public int TitleWordCount;
        public bool UseStems;
        public char[] Gram = new char[GramLength];
        public char[] Key = new char[16];
        public int[] Counts = [];
        public int[] Touched = [];
        public float[] Values = [];
        public int[] WordMultiplicity = [];
        public int[] DistinctWords = [];

        public Scratch() => EnsureWords(512);

        public void EnsureWords(int count)
        {
            Starts = new int[count]; Lengths = new int[count]; StemStarts = new int[count]; StemLengths = new int[count]; TokenIndex = new int[count];
            SurfaceHash = new ulong[count]; UnitHash = new ulong[count]; WordIds = new int[count];
        }

        public void EnsureDimension(int dimension, int knownWords)
        {
            if (Counts.Length < dimension)
            {
                Counts = new int[dimension];
                Touched = new int[dimension];
                Values = new float[dimension];
            }
            if (WordMultiplicity.Length < knownWords)
            {
                WordMultiplicity = new int[knownWords];
                DistinctWords = new int[knownWords];
            }
        }

        public ReadOnlySpan<char> Surface(int i) => Lower.AsSpan(Starts[i], Lengths[i]);

        public ReadOnlySpan<char> Unit(int i) => UseStems ? StemBuffer.AsSpan(StemStarts[i], StemLengths[i]) : Surface(i);
    }
}

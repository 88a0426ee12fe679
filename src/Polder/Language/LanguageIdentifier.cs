using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Polder.Text;

namespace Polder.Language;

/// <summary>
/// Tells which language a post or text is in: a naive Bayes classifier over character 1–5-grams of its words
/// (lower-cased letter runs padded with a space, so <c>" top "</c> is one 5-gram). Mentions, URLs, e-mail addresses,
/// numbers, emoji and emoticons are not evidence; hashtag text is used only when a post has no other words
/// (<c>#fijnedag</c>). The shipped profiles (<c>language-profiles.tsv</c>, see <c>models/language-id.md</c>) know
/// Dutch and English.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; <see cref="Identify(ReadOnlySpan{char})"/> allocates only for words its thread has not seen
/// before (each thread keeps the evidence of up to 16,384 words).
/// <see cref="Identify(TextDocument)"/> reads a document's tokens; the string and span overloads tokenise the text
/// themselves and run the same code, so both give the same guess.
/// </remarks>
public sealed class LanguageIdentifier
{
    /// <summary>Longest n-gram the profiles hold.</summary>
    public const int MaxOrder = 5;

    /// <summary>Letters of a word that count; longer runs are cut (compounds and junk), as in the build script.</summary>
    public const int MaxWordLength = 24;

    // Naive Bayes treats the overlapping n-grams as independent, so raw posteriors are near 1 for almost any text.
    // Scaling the log-likelihoods by 0.1 before the softmax maximised the dev set's log-likelihood (scale swept
    // 0.01–1 in scripts/build-language-profiles.py's model), so the confidence means roughly what it says.
    private const double ConfidenceScale = 0.1;

    private const ulong FnvOffset = 14695981039346656037UL, FnvPrime = 1099511628211UL;

    private readonly string[] _languages;
    private readonly HashIndex _grams;  // n-gram hash → its log-probability in each language (float bits)
    private readonly HashIndex _words;  // word hash → SharedWord or the index of the only language whose list has it
    private readonly double _sharedWordWeight, _exclusiveWordBonus;

    private const int SharedWord = -1;

    /// <summary>The identifier with the embedded Dutch/English profiles.</summary>
    public static LanguageIdentifier Default { get; } = LoadEmbedded();

    private LanguageIdentifier(string[] languages, HashIndex grams, HashIndex words, double sharedWordWeight, double exclusiveWordBonus)
    {
        _languages = languages;
        _grams = grams;
        _words = words;
        _sharedWordWeight = sharedWordWeight;
        _exclusiveWordBonus = exclusiveWordBonus;
    }

    /// <summary>The ISO 639-1 codes the model can answer, in the order of <see cref="Score(ReadOnlySpan{char}, Span{double})"/>'s probabilities.</summary>
    public IReadOnlyList<string> Languages => _languages;

    /// <summary>The language of <paramref name="text"/>; <see cref="LanguageGuess.Unknown"/> when it has no letters to judge.</summary>
    public LanguageGuess Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Identify(text.AsSpan());
    }

    /// <summary>The language of <paramref name="text"/>; <see cref="LanguageGuess.Unknown"/> when it has no letters to judge.</summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text) => Identify(text, TokenScratch(text));

    /// <summary>The language of <paramref name="document"/>'s text, from its tokens (the text is not tokenised again).</summary>
    public LanguageGuess Identify(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Identify(document.Text, document.Tokens);
    }

    [ThreadStatic] private static Token[]? t_tokens;

    // The tokens of a text given as a span, in a per-thread buffer: the span overloads' own document.
    private static ReadOnlySpan<Token> TokenScratch(ReadOnlySpan<char> text)
    {
        var buffer = t_tokens;
        if (buffer is null || buffer.Length < text.Length) t_tokens = buffer = new Token[Math.Max(256, text.Length)];
        return buffer.AsSpan(0, DutchTokenizer.Default.Tokenize(text, buffer));
    }

    private LanguageGuess Identify(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        // the profiles are Latin-script: a text written mostly in another script is that script's language, never nl or en
        if (ScriptLanguage.Of(text, tokens) is { } script) return script;
        Span<double> p = _languages.Length <= 16 ? stackalloc double[_languages.Length] : new double[_languages.Length];
        if (Score(text, tokens, p) == 0) return LanguageGuess.Unknown;
        int best = 0;
        for (int i = 1; i < p.Length; i++)
            if (p[i] > p[best]) best = i;
        return new LanguageGuess(_languages[best], p[best]);
    }

    /// <summary>
    /// Writes the probability of each of <see cref="Languages"/> for <paramref name="text"/> into
    /// <paramref name="probabilities"/> and returns the evidence: how many of the text's character n-grams the
    /// profiles know. With no evidence every language gets 0.
    /// </summary>
    public int Score(ReadOnlySpan<char> text, Span<double> probabilities) => Score(text, TokenScratch(text), probabilities);

    /// <summary>As <see cref="Score(ReadOnlySpan{char}, Span{double})"/>, from <paramref name="document"/>'s tokens.</summary>
    public int Score(TextDocument document, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Score(document.Text, document.Tokens, probabilities);
    }

    private int Score(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<double> probabilities)
    {
        int languages = _languages.Length;
        if (probabilities.Length < languages) throw new ArgumentException($"needs room for {languages} languages", nameof(probabilities));
        var logLik = probabilities[..languages];
        logLik.Clear();
        int evidence = Accumulate(text, tokens, logLik, hashtags: false);
        // A post of only hashtags still says something: #fijnedag is Dutch.
        if (evidence == 0) evidence = Accumulate(text, tokens, logLik, hashtags: true);
        if (evidence == 0) return 0;
        double max = double.NegativeInfinity;
        foreach (var v in logLik) max = Math.Max(max, v);
        double sum = 0;
        for (int i = 0; i < languages; i++)
        {
            logLik[i] = Math.Exp(ConfidenceScale * (logLik[i] - max));
            sum += logLik[i];
        }
        for (int i = 0; i < languages; i++) logLik[i] /= sum;
        return evidence;
    }

    private int Accumulate(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<double> logLik, bool hashtags)
    {
        int evidence = 0;
        Span<char> word = stackalloc char[MaxWordLength + 2];
        foreach (var token in tokens)
        {
            ReadOnlySpan<char> t;
            if (token.Kind is TokenKind.Word or TokenKind.Clitic or TokenKind.Abbreviation)
            {
                if (hashtags) continue;
                t = token.Slice(text);
                // "RT" is the retweet marker ("RT @x: …"), no word of any language
                if (t.SequenceEqual("RT")) continue;
            }
            else if (hashtags && token.Kind == TokenKind.Hashtag) t = token.Slice(text)[1..];
            else continue;
            // every run of letters is a word: "e-democratie" → "e", "democratie"; "m'n" → "m", "n" (as the build script)
            int i = 0;
            while (i < t.Length)
            {
                if (!char.IsLetter(t[i])) { i++; continue; }
                int n = 0;
                word[n++] = ' ';
                for (; i < t.Length && char.IsLetter(t[i]); i++)
                {
                    char c = char.ToLowerInvariant(t[i]);
                    // elongations count twice at most: "heeeel" → "heel", "yeeees" → "yees" (no word has a triple)
                    if (n >= 3 && word[n - 1] == c && word[n - 2] == c) continue;
                    if (n <= MaxWordLength) word[n++] = c;
                }
                word[n++] = ' ';
                var known = Known(word[..n]);
                evidence += known.Found;
                for (int l = 0; l < logLik.Length; l++) logLik[l] += known.LogLik[l];
            }
        }
        return evidence;
    }

    // A word's evidence depends on the word alone, and posts repeat their words: each thread keeps the evidence of the
    // words it has seen (for one identifier; emptied when full), so a known word costs one lookup instead of one per
    // n-gram in a table of megabytes.
    [ThreadStatic] private static (LanguageIdentifier Owner, Dictionary<string, WordEvidence> Words)? t_seen;
    private const int MaxSeenWords = 1 << 14;

    private sealed record WordEvidence(int Found, double[] LogLik);

    private WordEvidence Known(ReadOnlySpan<char> padded)
    {
        var seen = t_seen is { } c && ReferenceEquals(c.Owner, this) ? c.Words : null;
        if (seen is null) t_seen = (this, seen = new Dictionary<string, WordEvidence>(StringComparer.Ordinal));
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(padded, out var known)) return known;
        var logLik = new double[_languages.Length];
        known = new WordEvidence(AddWord(padded, logLik), logLik);
        if (seen.Count == MaxSeenWords) seen.Clear();
        seen.Add(padded.ToString(), known);
        return known;
    }

    /// <summary>
    /// The evidence of one padded word: the log-probabilities of its n-grams (the lone space excepted), halved for a
    /// word both spelling lists know; for a word only one list knows whose letters look like another language, a
    /// fixed bonus for its own language instead (see <c>language-words.tsv</c>). Returns the n-grams found.
    /// </summary>
    private int AddWord(ReadOnlySpan<char> padded, Span<double> logLik)
    {
        logLik.Clear();
        int found = AddGrams(padded, logLik);
        int at = _words.Find(Hash(padded[1..^1]));
        int kind = at < 0 ? int.MinValue : (int)_words.Slots[at];
        if (kind == SharedWord)
        {
            for (int l = 0; l < logLik.Length; l++) logLik[l] *= _sharedWordWeight;
        }
        else if (kind >= 0)
        {
            logLik.Clear();
            logLik[kind] = _exclusiveWordBonus;
            found = Math.Max(found, 1);
        }
        return found;
    }

    private int AddGrams(ReadOnlySpan<char> padded, Span<double> logLik)
    {
        int found = 0, languages = _languages.Length;
        var slots = _grams.Slots;
        for (int start = 0; start < padded.Length; start++)
        {
            ulong h = FnvOffset;
            int end = Math.Min(padded.Length, start + MaxOrder);
            for (int j = start; j < end; j++)
            {
                h = (h ^ padded[j]) * FnvPrime;
                if (j == start && padded[j] == ' ') continue;
                int at = _grams.Find(h == 0 ? 1 : h); // as Hash: 0 is never a key
                // profiles pruned by count keep every prefix of a kept n-gram (an n-gram never occurs more often than
                // its prefix), so once a prefix is missing its extensions are too: skipping them changes nothing
                if (at < 0) break;
                found++;
                for (int l = 0; l < languages; l++) logLik[l] += BitConverter.Int32BitsToSingle((int)slots[at + l]);
            }
        }
        return found;
    }

    /// <summary>
    /// Reads a model in the format of the embedded files (written by <c>scripts/build-language-profiles.py</c>).
    /// <paramref name="profiles"/> (<c>language-profiles.tsv</c>): header lines <c>#languages</c>, <c>#alpha</c>,
    /// <c>#vocab</c> (distinct n-grams per order) and <c>#totals LANG</c> (n-gram occurrences per order), then one line
    /// per n-gram (space written as <c>_</c>) with its count in each language. <paramref name="words"/>
    /// (<c>language-words.tsv</c>, optional): <c>#shared-word-weight</c>, <c>#exclusive-word-bonus</c>, then
    /// <c>word</c>, tab, <c>shared</c> or a language code. N-grams are looked up prefix first, so profiles must keep
    /// every prefix of an n-gram they keep (pruning by a minimum count does).
    /// </summary>
    /// <exception cref="InvalidDataException">The files are malformed.</exception>
    public static LanguageIdentifier Load(TextReader profiles, TextReader? words = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        string[]? languages = null;
        double alpha = double.NaN;
        long[]? vocab = null;
        var totals = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var grams = new List<(ulong Key, int Order, long[] Counts)>();
        string? line;
        int lineNo = 0;
        while ((line = profiles.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (line[0] == '#')
            {
                if (f[0] == "#languages") languages = f[1..];
                else if (f[0] == "#alpha") alpha = double.Parse(f[1], CultureInfo.InvariantCulture);
                else if (f[0] == "#vocab") vocab = ParseCounts(f, 1, lineNo);
                else if (f[0].StartsWith("#totals ", StringComparison.Ordinal)) totals[f[0]["#totals ".Length..]] = ParseCounts(f, 1, lineNo);
                continue;
            }
            if (languages is null) throw new InvalidDataException($"language profiles line {lineNo}: n-grams before the #languages header");
            if (f.Length != languages.Length + 1 || f[0].Length is 0 or > MaxOrder)
                throw new InvalidDataException($"language profiles line {lineNo}: expected an n-gram of 1–{MaxOrder} characters and {languages.Length} counts");
            grams.Add((Hash(f[0].Replace('_', ' ')), f[0].Length, ParseCounts(f, 1, lineNo)));
        }
        if (languages is null || languages.Length == 0 || double.IsNaN(alpha) || alpha <= 0 || vocab is null || vocab.Length != MaxOrder)
            throw new InvalidDataException("language profiles: missing or invalid #languages, #alpha or #vocab header");
        foreach (var l in languages)
            if (!totals.TryGetValue(l, out var t) || t.Length != MaxOrder) throw new InvalidDataException($"language profiles: missing #totals {l}");

        var logProb = new uint[grams.Count * languages.Length];
        var gramKeys = new ulong[grams.Count];
        for (int r = 0; r < grams.Count; r++)
        {
            var (key, order, counts) = grams[r];
            gramKeys[r] = key;
            for (int l = 0; l < languages.Length; l++)
            {
                // add-alpha smoothing within the n-gram's order, as the build script's model
                double denominator = totals[languages[l]][order - 1] + alpha * vocab[order - 1];
                logProb[r * languages.Length + l] = (uint)BitConverter.SingleToInt32Bits((float)Math.Log((counts[l] + alpha) / denominator));
            }
        }
        var gramIndex = HashIndex.Build(gramKeys, logProb, languages.Length);

        double sharedWeight = 1, bonus = 0;
        var wordKeys = new List<ulong>();
        var wordKinds = new List<uint>();
        lineNo = 0;
        while (words is not null && (line = words.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (line[0] == '#')
            {
                if (f[0] == "#shared-word-weight") sharedWeight = double.Parse(f[1], CultureInfo.InvariantCulture);
                else if (f[0] == "#exclusive-word-bonus") bonus = double.Parse(f[1], CultureInfo.InvariantCulture);
            }
            else if (f.Length != 2) throw new InvalidDataException($"language words line {lineNo}: expected a word and its kind, tab-separated");
            else
            {
                int kind = f[1] == "shared" ? SharedWord : Array.IndexOf(languages, f[1]);
                if (kind == -1 && f[1] != "shared") throw new InvalidDataException($"language words line {lineNo}: unknown language '{f[1]}'");
                wordKeys.Add(Hash(f[0]));
                wordKinds.Add((uint)kind);
            }
        }
        return new LanguageIdentifier(languages, gramIndex, HashIndex.Build([.. wordKeys], [.. wordKinds], 1), sharedWeight, bonus);
    }

    private static ulong Hash(ReadOnlySpan<char> text)
    {
        ulong h = FnvOffset;
        foreach (var c in text) h = (h ^ c) * FnvPrime;
        return h == 0 ? 1 : h;
    }

    private static long[] ParseCounts(string[] fields, int from, int lineNo)
    {
        var counts = new long[fields.Length - from];
        for (int i = 0; i < counts.Length; i++)
            if (!long.TryParse(fields[from + i], NumberStyles.None, CultureInfo.InvariantCulture, out counts[i]))
                throw new InvalidDataException($"language profiles line {lineNo}: '{fields[from + i]}' is not a count");
        return counts;
    }

    private static LanguageIdentifier LoadEmbedded()
    {
        using var profiles = OpenResource("language-profiles.tsv");
        using var words = OpenResource("language-words.tsv");
        return Load(profiles, words);
    }

    private static StreamReader OpenResource(string file)
    {
        var name = "Polder.Language." + file;
        var stream = typeof(LanguageIdentifier).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        return new StreamReader(stream);
    }

    /// <summary>
    /// An open-addressing table from 64-bit hashes to a fixed number of 32-bit values, stored inline beside a 32-bit
    /// fingerprint so that a lookup touches one place in memory (the n-gram table is megabytes; a lookup that
    /// misses the cache dominated the time). The home slot comes from the hash's high bits and the fingerprint from
    /// all of them, so a false match needs a 32-bit coincidence within one probe run; entries of the model that
    /// would answer for each other are refused at load time.
    /// </summary>
    private sealed class HashIndex
    {
        private readonly uint[] _slots; // per slot: fingerprint (0 = empty), then the values
        private readonly int _stride, _shift, _mask;

        private HashIndex(uint[] slots, int stride, int shift, int mask)
        {
            _slots = slots;
            _stride = stride;
            _shift = shift;
            _mask = mask;
        }

        public ReadOnlySpan<uint> Slots => _slots;

        public static HashIndex Build(ulong[] keys, uint[] values, int width)
        {
            // load factor about 0.6 at most: short probe runs, and a table a third smaller than at 0.3
            int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length + keys.Length * 2 / 3));
            int stride = 1 + width, shift = 64 - BitOperations.Log2((uint)capacity), mask = capacity - 1;
            var slots = new uint[capacity * stride];
            var placed = new int[keys.Length];
            for (int r = 0; r < keys.Length; r++)
            {
                int slot = Home(keys[r], shift);
                while (slots[slot * stride] != 0) slot = (slot + 1) & mask;
                slots[slot * stride] = Fingerprint(keys[r]);
                values.AsSpan(r * width, width).CopyTo(slots.AsSpan(slot * stride + 1));
                placed[r] = slot * stride + 1;
            }
            var index = new HashIndex(slots, stride, shift, mask);
            // every entry must be found where it was put: a duplicate, or an earlier entry of the same probe run with
            // the same fingerprint, would answer for it
            for (int r = 0; r < keys.Length; r++)
                if (index.Find(keys[r]) != placed[r]) throw new InvalidDataException("language model: a duplicate entry (or a hash collision)");
            return index;
        }

        /// <summary>The offset in <see cref="Slots"/> of the key's values, or -1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Find(ulong key)
        {
            uint fp = Fingerprint(key);
            var slots = _slots;
            int slot = Home(key, _shift);
            while (true)
            {
                int at = slot * _stride;
                uint f = slots[at];
                if (f == fp) return at + 1;
                if (f == 0) return -1;
                slot = (slot + 1) & _mask;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Home(ulong key, int shift) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Fingerprint(ulong key)
        {
            uint f = (uint)(key >> 32) ^ (uint)key;
            return f == 0 ? 1 : f;
        }
    }
}

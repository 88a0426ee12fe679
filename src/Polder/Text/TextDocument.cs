namespace Polder.Text;

/// <summary>
/// One text, analysed once: its tokens, and on first use its sentences, lower-case forms, Snowball stems, letter runs
/// and the indices of its mentions, hashtags and URLs. The model is spaCy's <c>Doc</c>: the text layer builds one
/// document per post and every semantic component (language, sentiment, topics, complaints, places) reads it, so
/// no component tokenises the text again.
/// </summary>
/// <remarks>
/// Immutable from the outside and thread-safe: the lazy layers are computed on first use into fresh arrays and
/// published atomically, so two threads asking at once may both compute a layer but both see the same values.
/// Tokens are cut by the document's <see cref="DutchTokenizer"/> (the default one unless given) and sentences by the
/// matching <see cref="SentenceSplitter"/>, exactly as each component did on its own before.
/// </remarks>
public sealed class TextDocument
{
    [ThreadStatic] private static Token[]? t_tokens;

    private readonly Token[] _tokens;
    private Sentence[]? _sentences;
    private char[]? _lower;
    private StemLayer? _stems;
    private TextRange[]? _runs;
    private KindIndex? _kinds;

    private TextDocument(string text, DutchTokenizer tokenizer, Token[] tokens)
    {
        Text = text;
        Tokenizer = tokenizer;
        _tokens = tokens;
    }

    /// <summary>Tokenises <paramref name="text"/> with <see cref="DutchTokenizer.Default"/>.</summary>
    public static TextDocument Create(string text) => Create(text, DutchTokenizer.Default);

    /// <summary>Tokenises <paramref name="text"/> with <paramref name="tokenizer"/> (once; every other layer is lazy).</summary>
    public static TextDocument Create(string text, DutchTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokenizer);
        // a text of n code units has at most n tokens: tokenise into a per-thread buffer, keep an exact copy
        var buffer = t_tokens;
        if (buffer is null || buffer.Length < text.Length) t_tokens = buffer = new Token[Math.Max(text.Length, Math.Max(256, (buffer?.Length ?? 0) * 2))];
        int n = tokenizer.Tokenize(text, buffer);
        return new TextDocument(text, tokenizer, n == 0 ? [] : buffer.AsSpan(0, n).ToArray());
    }

    /// <summary>
    /// A document over the same text and tokens (shared, not tokenised again) without this one's lazy layers: a reader
    /// that needs stems of many documents once (topic discovery) fills the copy, which dies after it, instead of
    /// keeping lowercase and stem layers alive in every document until the caller drops them.
    /// </summary>
    internal TextDocument WithTokensOnly() => new(Text, Tokenizer, _tokens);

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>The tokenizer that cut <see cref="Tokens"/>.</summary>
    public DutchTokenizer Tokenizer { get; }

    /// <summary>The tokens, in order.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens;

    /// <summary>Number of tokens.</summary>
    public int TokenCount => _tokens.Length;

    /// <summary>The characters of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> TokenText(int index) => _tokens[index].Slice(Text);

    /// <summary>The sentences (split on first use by the tokenizer's sentence splitter).</summary>
    public ReadOnlySpan<Sentence> Sentences => _sentences ?? Publish(ref _sentences, SplitSentences());

    /// <summary>
    /// Token <paramref name="index"/> in lower case (<see cref="char.ToLowerInvariant"/> per code unit, so it has the
    /// token's length). The whole text is lowered once, on first use.
    /// </summary>
    public ReadOnlySpan<char> Lower(int index)
    {
        var t = _tokens[index];
        return (_lower ?? Publish(ref _lower, LowerText())).AsSpan(t.Start, t.Length);
    }

    /// <summary>
    /// The Snowball stem (<see cref="DutchStemmer.Default"/>) of <see cref="Lower"/>; the lower-case form itself when
    /// the stemmer leaves nothing. Every token is stemmed once, on first use.
    /// </summary>
    public ReadOnlySpan<char> Stem(int index)
    {
        var t = _tokens[index];
        var stems = _stems ?? Publish(ref _stems, StemTokens());
        return stems.Chars.AsSpan(t.Start, stems.Lengths[index]);
    }

    /// <summary>The maximal runs of letters and digits (<see cref="LetterRuns"/>): the words a gazetteer looks up.</summary>
    public ReadOnlySpan<TextRange> LetterRuns => _runs ?? Publish(ref _runs, Polder.Text.LetterRuns.Of(Text));

    /// <summary>Indices of the <see cref="TokenKind.Mention"/> tokens, in order.</summary>
    public ReadOnlySpan<int> Mentions => Kinds.Mentions;

    /// <summary>Indices of the <see cref="TokenKind.Hashtag"/> tokens, in order.</summary>
    public ReadOnlySpan<int> Hashtags => Kinds.Hashtags;

    /// <summary>Indices of the <see cref="TokenKind.Url"/> tokens, in order.</summary>
    public ReadOnlySpan<int> Urls => Kinds.Urls;

    private KindIndex Kinds => _kinds ?? Publish(ref _kinds, new KindIndex(_tokens));

    private static T Publish<T>(ref T? field, T value) where T : class =>
        Interlocked.CompareExchange(ref field, value, null) ?? value;

    private Sentence[] SplitSentences()
    {
        var splitter = ReferenceEquals(Tokenizer, DutchTokenizer.Default) ? SentenceSplitter.Default : new SentenceSplitter(Tokenizer);
        var sentences = new Sentence[_tokens.Length];
        int n = splitter.Split(Text, _tokens, sentences);
        return n == sentences.Length ? sentences : sentences[..n];
    }

    private char[] LowerText()
    {
        var lower = new char[Text.Length];
        for (int i = 0; i < lower.Length; i++)
        {
            char c = Text[i];
            lower[i] = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
        }
        return lower;
    }

    // Stems sit at their tokens' offsets in a text-long buffer (a stem is never longer than its word).
    private StemLayer StemTokens()
    {
        var lower = _lower ?? Publish(ref _lower, LowerText());
        var chars = new char[Text.Length];
        var lengths = new int[_tokens.Length];
        var seen = t_stems ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < _tokens.Length; i++)
        {
            var t = _tokens[i];
            var w = lower.AsSpan(t.Start, t.Length);
            if (!lookup.TryGetValue(w, out var stem))
            {
                int n = DutchStemmer.Default.Stem(w, chars.AsSpan(t.Start, t.Length));
                stem = n <= 0 ? w.ToString() : chars.AsSpan(t.Start, n).ToString();
                if (seen.Count == MaxSeenStems) seen.Clear();
                lookup[w] = stem;
            }
            stem.CopyTo(chars.AsSpan(t.Start));
            lengths[i] = stem.Length;
        }
        return new StemLayer(chars, lengths);
    }

    // A word's stem depends on the word alone, and posts repeat their words: each thread keeps the stems of the words
    // it has stemmed (emptied when full), so a known word is one lookup instead of a Snowball run.
    [ThreadStatic] private static Dictionary<string, string>? t_stems;
    private const int MaxSeenStems = 1 << 14;

    private sealed record StemLayer(char[] Chars, int[] Lengths);

    private sealed class KindIndex
    {
        private readonly int[] _all;
        private readonly int _mentions, _hashtags;

        public KindIndex(Token[] tokens)
        {
            int m = 0, h = 0, u = 0;
            foreach (var t in tokens)
                if (t.Kind == TokenKind.Mention) m++;
                else if (t.Kind == TokenKind.Hashtag) h++;
                else if (t.Kind == TokenKind.Url) u++;
            _all = m + h + u == 0 ? [] : new int[m + h + u];
            _mentions = m; _hashtags = h;
            int mi = 0, hi = m, ui = m + h;
            for (int i = 0; i < tokens.Length; i++)
                switch (tokens[i].Kind)
                {
                    case TokenKind.Mention: _all[mi++] = i; break;
                    case TokenKind.Hashtag: _all[hi++] = i; break;
                    case TokenKind.Url: _all[ui++] = i; break;
                }
        }

        public ReadOnlySpan<int> Mentions => _all.AsSpan(0, _mentions);
        public ReadOnlySpan<int> Hashtags => _all.AsSpan(_mentions, _hashtags);
        public ReadOnlySpan<int> Urls => _all.AsSpan(_mentions + _hashtags);
    }
}

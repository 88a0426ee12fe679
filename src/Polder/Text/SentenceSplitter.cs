using System.Collections.Frozen;

namespace Polder.Text;

/// <summary>
/// Splits Dutch text into sentences over the tokens of <see cref="DutchTokenizer"/>. Abbreviation-aware (the
/// tokenizer keeps their periods), handles ellipses, closing quotes and brackets after the final mark, emoji,
/// emoticons and hashtags at a sentence end, and tweets without final punctuation.
/// </summary>
/// <remarks>Immutable and thread-safe; the span API allocates nothing.</remarks>
public sealed class SentenceSplitter
{
    // Abbreviations that often end a sentence ("… en zo verder, enz."); others (dhr., o.a.) never do.
    private static readonly FrozenSet<string> FinalAbbreviations =
        new[] { "enz.", "etc.", "e.d.", "e.a.", "e.v.", "e.e.a.", "o.i.d.", "resp.", "jl.", "ca.", "v.chr.", "n.chr.", "chr.", "ltd.", "inc.", "bv.", "nv.", "b.v.", "n.v." }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FinalAbbreviationLookup =
        FinalAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly DutchTokenizer _tokenizer;

    /// <summary>The splitter over the default tokenizer.</summary>
    public static SentenceSplitter Default { get; } = new(DutchTokenizer.Default);

    /// <summary>Creates a splitter over <paramref name="tokenizer"/>.</summary>
    public SentenceSplitter(DutchTokenizer tokenizer) => _tokenizer = tokenizer;

    /// <summary>The sentences of <paramref name="text"/> as new strings.</summary>
    public string[] SplitToStrings(string text)
    {
        var tokens = _tokenizer.Tokenize(text);
        var sentences = new Sentence[tokens.Length];
        int n = Split(text, tokens, sentences);
        var result = new string[n];
        for (int k = 0; k < n; k++) result[k] = sentences[k].GetText(text);
        return result;
    }

    /// <summary>The sentences of <paramref name="text"/> (tokenizes it first).</summary>
    public Sentence[] Split(string text)
    {
        var tokens = _tokenizer.Tokenize(text);
        var sentences = new Sentence[tokens.Length];
        int n = Split(text, tokens, sentences);
        return sentences[..n];
    }

    /// <summary>
    /// Splits already tokenized text. Writes at most <c>tokens.Length</c> sentences into
    /// <paramref name="destination"/> (a buffer that large is always enough) and returns how many.
    /// </summary>
    public int Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<Sentence> destination)
    {
        if (destination.Length < tokens.Length)
            throw new ArgumentException($"destination holds {destination.Length} sentences; {tokens.Length} may be needed", nameof(destination));
        int count = 0, first = 0;
        int t = 0;
        while (t < tokens.Length)
        {
            int end = BoundaryAfter(text, tokens, t);
            if (end < 0) { t++; continue; }
            // end = index of the last token of this sentence
            destination[count++] = Make(tokens, first, end);
            first = end + 1;
            t = first;
        }
        if (first < tokens.Length) destination[count++] = Make(tokens, first, tokens.Length - 1);
        return count;
    }

    private static Sentence Make(ReadOnlySpan<Token> tokens, int first, int last) =>
        new(tokens[first].Start, tokens[last].End - tokens[first].Start, first, last - first + 1);

    /// <summary>
    /// If a sentence ends at or just after token <paramref name="t"/>, the index of its last token; else -1.
    /// </summary>
    private static int BoundaryAfter(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t)
    {
        var tok = tokens[t];
        var s = tok.Slice(text);
        bool strong; // ! and ? end a sentence even before a lower-case word in tweets? No: only before a capital.
        switch (tok.Kind)
        {
            case TokenKind.Punctuation:
                char c = s[0];
                if (c is '.' or '!' or '?' or '\u2026') strong = c is '!' or '?';
                else if (c == '\'' && s.Length == 2 && t + 1 < tokens.Length && t > 0 && tokens[t - 1].Kind == TokenKind.Word)
                    // ,,Dat hoort niet op gras'' De baseliner …: a closing quote without a final mark, before a capital.
                    return tokens[t + 1].Kind == TokenKind.Word && CharClass.IsUpper(text[tokens[t + 1].Start]) ? t : -1;
                else return -1;
                break;
            case TokenKind.Abbreviation:
                if (!FinalAbbreviationLookup.Contains(s)) return -1;
                strong = false;
                break;
            case TokenKind.Word:
            case TokenKind.Number:
                // A heading or list item without a final mark ("Vlaams Kartel In de zomer …"): a capitalised
                // sentence starter right after a word, where it cannot be part of a name.
                return t + 1 < tokens.Length && IsUnpunctuatedStart(text, tok, tokens[t + 1]) ? t : -1;
            default:
                return -1;
        }

        // Closing quotes and brackets, emoji and emoticons after the mark belong to this sentence.
        int last = t;
        int k = t + 1;
        while (k < tokens.Length && IsCloser(text, tokens[k], tokens[last])) { last = k; k++; }
        if (k >= tokens.Length) return tokens.Length - 1; // end of text
        if (OnlyTagsFollow(tokens, k)) return tokens.Length - 1; // "… geleegd? #afval @gemeente": tags close the tweet
        if (tok.Kind == TokenKind.Abbreviation) return StartsSentence(text, tokens, k, strict: true) ? last : -1;
        return StartsSentence(text, tokens, k, strict: !strong && s.Length > 1 && s[0] == '.') || (strong && StartsSentenceLoosely(text, tokens[k])) ? last : -1;
    }

    // Words that start Dutch sentences and, capitalised, hardly occur inside one (names use De, Van, Der, Ten …).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnpunctuatedStarters =
        new[] { "In", "Op", "Na", "Bij", "Tijdens", "Sinds", "Hij", "Zij", "Ze", "Dit", "Deze", "Er", "Zie", "Toen", "Daarnaast",
                "Volgens", "Door", "Onder", "Tot", "Om", "Nadat", "Omdat", "Hoewel", "Wij", "We", "Ik", "Daarna", "Vanaf" }
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsUnpunctuatedStart(ReadOnlySpan<char> text, Token previous, Token next)
    {
        if (next.Kind != TokenKind.Word || !CharClass.IsUpper(text[next.Start])) return false;
        if (!UnpunctuatedStarters.Contains(next.Slice(text))) return false;
        // The starter must be followed by more text that reads like a clause: a lower-case word.
        int after = next.End;
        while (after < text.Length && CharClass.IsGap(text[after])) after++;
        return after < text.Length && CharClass.IsLetter(text[after]) && !CharClass.IsUpper(text[after]);
    }

    private static bool OnlyTagsFollow(ReadOnlySpan<Token> tokens, int k)
    {
        for (; k < tokens.Length; k++)
            if (tokens[k].Kind is not (TokenKind.Hashtag or TokenKind.Mention or TokenKind.Emoji or TokenKind.Emoticon or TokenKind.Url))
                return false;
        return true;
    }

    /// <summary>Tokens that stay with the sentence before them after its final mark.</summary>
    private static bool IsCloser(ReadOnlySpan<char> text, Token tok, Token previous)
    {
        if (tok.Kind is TokenKind.Emoji or TokenKind.Emoticon) return true;
        if (tok.Kind != TokenKind.Punctuation) return false;
        char c = text[tok.Start];
        if (c is ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB' or '!' or '?' or '.' or '\u2026') return true;
        // Dutch closes with '' (and opens with ,,); a straight quote closes when it is glued to the mark before it or
        // stands alone before a gap, and opens when it is glued to the word after it.
        if (c == '\'' && tok.Length == 2) return true;
        if (c is '\'' or '"')
            return tok.Start == previous.End || tok.End >= text.Length || CharClass.IsGap(text[tok.End]);
        return false;
    }

    /// <summary>Does a new sentence start at token <paramref name="k"/>?</summary>
    private static bool StartsSentence(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int k, bool strict)
    {
        var tok = tokens[k];
        char c = text[tok.Start];
        switch (tok.Kind)
        {
            case TokenKind.Word:
            case TokenKind.Abbreviation:
            case TokenKind.Clitic:
                if (CharClass.IsUpper(c)) return true;
                if (c is '\'' or '\u2019') return true; // 't Is, 's Morgens
                return false;
            case TokenKind.Number:
            case TokenKind.Date:
            case TokenKind.Time:
                return !strict;
            case TokenKind.Punctuation:
                // Opening quotes and brackets: look at what follows them.
                if (c is ',' or '\'' or '"' or '(' or '[' or '\u201C' or '\u201E' or '\u2018' or '\u00AB' or '-' or '\u2013' or '\u2014')
                    return k + 1 < tokens.Length && StartsSentence(text, tokens, k + 1, strict);
                return false;
            case TokenKind.Mention:
            case TokenKind.Hashtag:
            case TokenKind.Url:
            case TokenKind.Emoji:
            case TokenKind.Emoticon:
                return !strict;
            default:
                return false;
        }
    }

    /// <summary>After ! or ?: anything but a lower-case word or a comma continues… a new sentence.</summary>
    private static bool StartsSentenceLoosely(ReadOnlySpan<char> text, Token tok)
    {
        char c = text[tok.Start];
        if (tok.Kind is TokenKind.Word or TokenKind.Clitic) return CharClass.IsUpper(c) || c is '\'' or '\u2019';
        if (tok.Kind == TokenKind.Punctuation)
            return c is '(' or '"' or '\u201C' or '\u201E' or '-' or '\u2013' or '\u2014' or '\'' || (c == ',' && tok.Length == 2);
        return true;
    }
}

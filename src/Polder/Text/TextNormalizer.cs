using System.Buffers;
using System.Globalization;
using System.Text;

namespace Polder.Text;

/// <summary>
/// Normalises one token for matching and for ML features: lower-casing, optional diacritic folding,
/// elongation squashing and placeholders for URLs, mentions, e-mail addresses and numbers, as set by its
/// <see cref="NormalizerOptions"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Characters outside the Basic Multilingual Plane (emoji and other surrogate pairs) are never folded
/// or squashed; they are only lower-cased when they have a lower case. Emoji and emoticon tokens are
/// copied unchanged, since the case of <c>:D</c> or <c>XD</c> is part of the sign.</para>
/// <para>Output can be longer than the token (<c>ß</c> → <c>ss</c>, a placeholder for <c>@a</c>); a
/// destination of <see cref="MaxOutputLength"/> characters always suffices.</para>
/// </remarks>
public sealed class TextNormalizer
{
    // Above this many output characters the string overload rents its buffer instead of using the stack.
    private const int StackLimit = 512;

    // Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F) folded to one ASCII letter; '_' marks the
    // few that become two letters (Æ Þ ß æ þ Ĳ ĳ Œ œ) or are not letters (× ÷), see FoldTwo.
    private const string FoldTable =
        "AAAAAA_CEEEEIIIIDNOOOOO_OUUUUY__" + // U+00C0
        "aaaaaa_ceeeeiiiidnooooo_ouuuuy_y" + // U+00E0
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg" + // U+0100
        "GgGgHhHhIiIiIiIiIi__JjKkkLlLlLlL" + // U+0120
        "lLlNnNnNnnNnOoOoOo__RrRrRrSsSsSs" + // U+0140
        "SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";  // U+0160

    /// <summary>A normaliser with <see cref="NormalizerOptions.Default"/>.</summary>
    public static TextNormalizer Default { get; } = new(NormalizerOptions.Default);

    private readonly int _maxPlaceholder;

    /// <summary>Creates a normaliser.</summary>
    /// <param name="options">What to do; <see cref="NormalizerOptions.Default"/> when null.</param>
    public TextNormalizer(NormalizerOptions? options = null)
    {
        Options = options ?? NormalizerOptions.Default;
        if (!Enum.IsDefined(Options.Elongation))
            throw new ArgumentOutOfRangeException(nameof(options), Options.Elongation, "Unknown elongation squashing.");
        _maxPlaceholder = Enum.GetValues<TokenKind>().Max(k => Options.PlaceholderFor(k)?.Length ?? 0);
    }

    /// <summary>The options this normaliser applies.</summary>
    public NormalizerOptions Options { get; }

    /// <summary>A destination length that is always enough for a token of <paramref name="tokenLength"/> characters.</summary>
    /// <param name="tokenLength">The token's length in UTF-16 code units.</param>
    public int MaxOutputLength(int tokenLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokenLength);
        // Folding spells out at most two letters per character; placeholders have their own length.
        return (int)Math.Min(int.MaxValue, Math.Max(2L * tokenLength, _maxPlaceholder));
    }

    /// <summary>Normalises <paramref name="token"/> into <paramref name="destination"/> without allocating.</summary>
    /// <param name="token">One token's text.</param>
    /// <param name="kind">The token's kind; decides placeholders and whether elongations are squashed.</param>
    /// <param name="destination">Receives the result; <see cref="MaxOutputLength"/> characters always suffice.</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small for the result.</exception>
    public int Normalize(ReadOnlySpan<char> token, TokenKind kind, Span<char> destination)
    {
        if (!TryNormalize(token, kind, destination, out int written))
            throw new ArgumentException(
                $"The destination ({destination.Length} characters) is too small for the normalised token; {MaxOutputLength(token.Length)} characters always suffice.",
                nameof(destination));
        return written;
    }

    /// <summary>Normalises <paramref name="token"/> into <paramref name="destination"/> without allocating.</summary>
    /// <param name="token">One token's text.</param>
    /// <param name="kind">The token's kind; decides placeholders and whether elongations are squashed.</param>
    /// <param name="destination">Receives the result.</param>
    /// <param name="charsWritten">The number of characters written, or 0 when the destination was too small.</param>
    /// <returns>False when <paramref name="destination"/> is too small (its content is then undefined).</returns>
    public bool TryNormalize(ReadOnlySpan<char> token, TokenKind kind, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (Options.PlaceholderFor(kind) is { } placeholder)
        {
            if (!placeholder.AsSpan().TryCopyTo(destination)) return false;
            charsWritten = placeholder.Length;
            return true;
        }
        if (kind is TokenKind.Emoji or TokenKind.Emoticon)
        {
            if (!token.TryCopyTo(destination)) return false;
            charsWritten = token.Length;
            return true;
        }

        // Identifiers are never squashed: "www" and "@jjjones" are not elongations.
        int keep = Options.Elongation == ElongationSquashing.None || kind is TokenKind.Url or TokenKind.Email or TokenKind.Mention
            ? 0
            : Options.Elongation == ElongationSquashing.ToTwo ? 2 : 1;
        int w;
        if (token.Length <= destination.Length && Ascii.IsValid(token))
        {
            // Most Dutch tokens are ASCII: vectorised lower-casing, nothing to fold, squashing only shortens.
            if (Options.LowerCase) Ascii.ToLower(token, destination, out w);
            else token.CopyTo(destination);
            w = keep > 0 ? SquashAscii(destination[..token.Length], keep) : token.Length;
        }
        else
        {
            w = MapCharacters(token, destination, keep);
            if (w < 0) return false;
        }
        charsWritten = w;
        return true;
    }

    /// <summary>Normalises one token.</summary>
    /// <param name="token">One token's text.</param>
    /// <param name="kind">The token's kind; decides placeholders and whether elongations are squashed.</param>
    /// <returns>The normalised token; <paramref name="token"/> itself or the placeholder string when that is the result (no allocation).</returns>
    public string Normalize(string token, TokenKind kind = TokenKind.Word)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (Options.PlaceholderFor(kind) is { } placeholder) return placeholder;
        int max = MaxOutputLength(token.Length);
        char[]? rented = null;
        Span<char> buffer = max <= StackLimit ? stackalloc char[max] : (rented = ArrayPool<char>.Shared.Rent(max));
        try
        {
            var result = buffer[..Normalize(token.AsSpan(), kind, buffer)];
            return result.SequenceEqual(token.AsSpan()) ? token : new string(result);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    // Lower-casing, squashing and folding, one run of equal characters at a time. Runs are judged before
    // folding, so a letter the writer set apart with an accent does not join a run: "ideeën" folds to
    // "ideeen", not to an elongation. keep: how many of a run of three or more letters survive (0: all).
    // Returns the length written, or -1 when the destination is full.
    private int MapCharacters(ReadOnlySpan<char> token, Span<char> d, int keep)
    {
        bool lower = Options.LowerCase, fold = Options.FoldDiacritics;
        int w = 0;
        for (int i = 0; i < token.Length;)
        {
            char c = token[i];
            if (char.IsHighSurrogate(c) && i + 1 < token.Length && char.IsLowSurrogate(token[i + 1]))
            {
                // Supplementary characters (emoji, historic scripts) are only lower-cased, never folded or squashed.
                var rune = new Rune(c, token[i + 1]);
                if (lower) rune = Rune.ToLowerInvariant(rune);
                if (!rune.TryEncodeToUtf16(d[w..], out int written)) return -1;
                w += written;
                i += 2;
                continue;
            }

            if (lower) c = ToLower(c);
            int run = 1, copies = 1;
            if (keep > 0)
            {
                while (i + run < token.Length && (lower ? ToLower(token[i + run]) : token[i + run]) == c) run++;
                copies = run >= 3 && char.IsLetter(c) ? keep : run;
            }
            i += run;

            char first = c, second = '\0';
            if (fold && c >= 0xC0)
            {
                if (c < 0x180)
                {
                    char f = FoldTable[c - 0xC0];
                    if (f != '_') first = f;
                    else if (FoldTwo(c) is { } two) (first, second) = (two[0], two[1]);
                }
                else if (IsCombiningDiacritic(c))
                {
                    continue;   // a decomposed accent: drop it
                }
                else if (c < 0x2000 && ExtendedFolds[c - 0x180] != 0)
                {
                    first = ExtendedFolds[c - 0x180];
                }
            }

            int width = second == '\0' ? 1 : 2;
            if (w + copies * width > d.Length) return -1;
            for (int k = 0; k < copies; k++)
            {
                d[w++] = first;
                if (width == 2) d[w++] = second;
            }
        }
        return w;
    }

    // Shortens runs of three or more of the same ASCII letter to `keep`, in place; returns the new length.
    private static int SquashAscii(Span<char> s, int keep)
    {
        int i = 2;
        while (i < s.Length && !(s[i] == s[i - 1] && s[i] == s[i - 2] && char.IsAsciiLetter(s[i]))) i++;
        if (i >= s.Length) return s.Length;   // no elongation: the common case

        int o = i - 2;   // the run starts at i - 2; everything before it stays where it is
        for (int r = i - 2; r < s.Length;)
        {
            char c = s[r];
            int run = 1;
            while (r + run < s.Length && s[r + run] == c) run++;
            int copies = run >= 3 && char.IsAsciiLetter(c) ? keep : run;
            for (int k = 0; k < copies; k++) s[o++] = c;
            r += run;
        }
        return o;
    }

    private static char ToLower(char c) =>
        c < 0x80 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    private static string? FoldTwo(char c) => c switch
    {
        'Æ' => "AE", 'æ' => "ae", 'Œ' => "OE", 'œ' => "oe", 'Ĳ' => "IJ", 'ĳ' => "ij",
        'ß' => "ss", 'Þ' => "TH", 'þ' => "th",
        _ => null,   // × and ÷ stay
    };

    // Combining accents (U+0300 block and its supplements); not the marks for symbols (U+20D0..U+20FF,
    // e.g. the keycap of 1️⃣) nor variation selectors, which belong to emoji.
    private static bool IsCombiningDiacritic(char c) =>
        c is (>= '\u0300' and <= '\u036F') or (>= '\u1AB0' and <= '\u1AFF') or (>= '\u1DC0' and <= '\u1DFF') or (>= '\uFE20' and <= '\uFE2F');

    // Folds for U+0180..U+1FFF from diacritic-folds.tsv, indexed by code point - 0x180; 0: none.
    private static readonly char[] ExtendedFolds = LoadExtendedFolds();

    private static char[] LoadExtendedFolds()
    {
        const string name = "Polder.Text.diacritic-folds.tsv";
        using var stream = typeof(TextNormalizer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {typeof(TextNormalizer).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var table = new char[0x2000 - 0x180];
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            int from = int.Parse(line.AsSpan(0, tab), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int to = int.Parse(line.AsSpan(tab + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (from is < 0x180 or >= 0x2000 || to > char.MaxValue)
                throw new InvalidDataException($"{name}: {line} is outside U+0180..U+1FFF.");
            table[from - 0x180] = (char)to;
        }
        return table;
    }
}

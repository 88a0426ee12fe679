namespace Polder.Text;

/// <summary>
/// What <see cref="TextNormalizer"/> does to a token. Immutable; derive variants with <c>with</c>:
/// <c>NormalizerOptions.Default with { FoldDiacritics = true }</c>.
/// </summary>
/// <remarks>
/// A placeholder replaces the whole token of its kind (useful as an ML feature: every URL becomes one
/// vocabulary item); <c>null</c> keeps the token and normalises it like a word, an empty string drops it.
/// </remarks>
public sealed record NormalizerOptions
{
    /// <summary>Lower-case, squash elongations to two, and replace URLs, mentions, e-mail addresses and
    /// numbers with <c>&lt;url&gt;</c>, <c>&lt;user&gt;</c>, <c>&lt;email&gt;</c> and <c>&lt;num&gt;</c>;
    /// diacritics are kept.</summary>
    public static NormalizerOptions Default { get; } = new();

    /// <summary>Lower-case (Unicode simple case mapping, culture-invariant). Default true.</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>
    /// Remove diacritics: <c>é</c>, <c>ë</c> → <c>e</c>, <c>ï</c> → <c>i</c>; letters that are not a base
    /// letter plus an accent are spelled out: <c>ß</c> → <c>ss</c>, <c>æ</c> → <c>ae</c>, <c>œ</c> → <c>oe</c>,
    /// <c>ĳ</c> → <c>ij</c>, <c>ø</c> → <c>o</c>, <c>ł</c> → <c>l</c>. Covers Latin-1 and Latin Extended-A
    /// from a table, other Latin, Greek and Cyrillic letters by canonical decomposition, and drops combining
    /// accents. Default false: Dutch spells meaning with them (<c>één</c> versus <c>een</c>).
    /// </summary>
    public bool FoldDiacritics { get; init; }

    /// <summary>How to shorten runs of three or more of the same letter. Default <see cref="ElongationSquashing.ToTwo"/>.
    /// Runs are counted after lower-casing but before folding, so <c>ideeën</c> folds to <c>ideeen</c>, not
    /// to an elongation. Never applied to URLs, e-mail addresses and mentions, which are identifiers.</summary>
    public ElongationSquashing Elongation { get; init; } = ElongationSquashing.ToTwo;

    /// <summary>Replaces <see cref="TokenKind.Url"/> tokens. Default <c>&lt;url&gt;</c>.</summary>
    public string? UrlPlaceholder { get; init; } = "<url>";

    /// <summary>Replaces <see cref="TokenKind.Mention"/> tokens. Default <c>&lt;user&gt;</c>.</summary>
    public string? MentionPlaceholder { get; init; } = "<user>";

    /// <summary>Replaces <see cref="TokenKind.Email"/> tokens. Default <c>&lt;email&gt;</c>.</summary>
    public string? EmailPlaceholder { get; init; } = "<email>";

    /// <summary>Replaces <see cref="TokenKind.Number"/> tokens. Default <c>&lt;num&gt;</c>.</summary>
    public string? NumberPlaceholder { get; init; } = "<num>";

    /// <summary>Replaces <see cref="TokenKind.Hashtag"/> tokens. Default null: hashtags carry content.</summary>
    public string? HashtagPlaceholder { get; init; }

    /// <summary>Replaces <see cref="TokenKind.Date"/> tokens. Default null.</summary>
    public string? DatePlaceholder { get; init; }

    /// <summary>Replaces <see cref="TokenKind.Time"/> tokens. Default null.</summary>
    public string? TimePlaceholder { get; init; }

    /// <summary>The placeholder for <paramref name="kind"/>, or null when tokens of that kind are kept.</summary>
    /// <param name="kind">A token kind.</param>
    public string? PlaceholderFor(TokenKind kind) => kind switch
    {
        TokenKind.Url => UrlPlaceholder,
        TokenKind.Mention => MentionPlaceholder,
        TokenKind.Email => EmailPlaceholder,
        TokenKind.Number => NumberPlaceholder,
        TokenKind.Hashtag => HashtagPlaceholder,
        TokenKind.Date => DatePlaceholder,
        TokenKind.Time => TimePlaceholder,
        _ => null,
    };
}

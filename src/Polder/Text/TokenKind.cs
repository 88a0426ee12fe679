namespace Polder.Text;

/// <summary>What a token is. Kept to one byte so a <see cref="Token"/> stays 12 bytes.</summary>
public enum TokenKind : byte
{
    /// <summary>A word, including hyphenated and elided compounds (<c>e-democratie</c>, <c>Noord-Brabant</c>, <c>on-</c>).</summary>
    Word,
    /// <summary>A number: <c>3,5</c>, <c>1.000</c>, <c>25,-</c>, <c>75%</c>, <c>06-12345678</c>.</summary>
    Number,
    /// <summary>A punctuation mark or a run of the same mark (<c>...</c>, <c>?!</c>, <c>,,</c>).</summary>
    Punctuation,
    /// <summary>Any other symbol: currency, maths, arrows, dingbats that are not emoji.</summary>
    Symbol,
    /// <summary>A hashtag including its <c>#</c>.</summary>
    Hashtag,
    /// <summary>A mention including its <c>@</c>.</summary>
    Mention,
    /// <summary>A web address (with scheme or <c>www.</c>).</summary>
    Url,
    /// <summary>An e-mail address.</summary>
    Email,
    /// <summary>One emoji grapheme cluster: ZWJ sequences, skin tones, flags and keycaps stay whole.</summary>
    Emoji,
    /// <summary>A text emoticon such as <c>:-)</c>, <c>:D</c>, <c>&lt;3</c>.</summary>
    Emoticon,
    /// <summary>An abbreviation with its dots: <c>o.a.</c>, <c>bijv.</c>, <c>Dhr.</c>.</summary>
    Abbreviation,
    /// <summary>A Dutch clitic or contraction: <c>'t</c>, <c>'s</c>, <c>m'n</c>, <c>z'n</c>, <c>zo'n</c>.</summary>
    Clitic,
    /// <summary>A date: <c>19-12-2016</c>, <c>2016-12-19</c>, <c>19/12</c>.</summary>
    Date,
    /// <summary>A clock time: <c>21:46</c>, <c>9.30u</c>.</summary>
    Time,
}

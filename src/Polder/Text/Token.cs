namespace Polder.Text;

/// <summary>
/// One token: a span of the input text and its kind. Tokens never copy text, so tokens plus the gaps
/// between them give back the input exactly.
/// </summary>
/// <param name="Start">Offset of the first UTF-16 code unit in the input.</param>
/// <param name="Length">Number of UTF-16 code units.</param>
/// <param name="Kind">What the token is.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>Offset just past the token.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters within <paramref name="text"/>, the input it was cut from.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>The token's text as a new string (allocates; prefer <see cref="Slice"/> on hot paths).</summary>
    public string GetText(string text) => text.Substring(Start, Length);
}

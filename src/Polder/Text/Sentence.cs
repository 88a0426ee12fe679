namespace Polder.Text;

/// <summary>One sentence: a span of the input text and the range of its tokens.</summary>
/// <param name="Start">Offset of the sentence's first character (its first token).</param>
/// <param name="Length">Length up to the end of its last token.</param>
/// <param name="FirstToken">Index of its first token in the token list it was split from.</param>
/// <param name="TokenCount">Number of tokens.</param>
public readonly record struct Sentence(int Start, int Length, int FirstToken, int TokenCount)
{
    /// <summary>Offset just past the sentence.</summary>
    public int End => Start + Length;

    /// <summary>The sentence's characters within <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>The sentence as a new string.</summary>
    public string GetText(string text) => text.Substring(Start, Length);
}

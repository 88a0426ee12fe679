namespace Polder.Text;

/// <summary>A range of a text: offsets of UTF-16 code units.</summary>
/// <param name="Start">Offset of the first code unit.</param>
/// <param name="End">Offset just past the last code unit.</param>
public readonly record struct TextRange(int Start, int End)
{
    /// <summary>Number of code units.</summary>
    public int Length => End - Start;

    /// <summary>The range's characters within <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text[Start..End];
}

using System.Globalization;

namespace Polder.Text;

/// <summary>
/// The maximal runs of letters and digits of a text, each with the non-spacing marks that follow its letters:
/// the words of a gazetteer lookup, where "Noord-Brabant" is two words and "'s-Hertogenbosch" three. Unlike
/// tokens they cross nothing: a run never contains punctuation, whatever the tokenizer makes of its surroundings.
/// </summary>
public static class LetterRuns
{
    /// <summary>Writes the runs of <paramref name="text"/> into <paramref name="runs"/> (cleared first).</summary>
    public static void Find(ReadOnlySpan<char> text, List<TextRange> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        runs.Clear();
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int s = i;
            while (i < text.Length && InRun(text[i])) i++;
            runs.Add(new TextRange(s, i));
        }
    }

    // No ASCII character is a non-spacing mark: only the others need their category.
    private static bool InRun(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>The runs of <paramref name="text"/> as a new array.</summary>
    public static TextRange[] Of(ReadOnlySpan<char> text)
    {
        var list = new List<TextRange>();
        Find(text, list);
        return [.. list];
    }
}

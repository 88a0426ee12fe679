namespace Polder.Text;

/// <summary>Dutch clitics and contractions written with an apostrophe.</summary>
internal static class Clitics
{
    /// <summary>Letters after a leading apostrophe that make a clitic: <c>'t 's 'n 'k 'm 'r 'ns 'em 'ie 'er</c>.</summary>
    public static bool IsLeadingClitic(ReadOnlySpan<char> letters)
    {
        if (letters.Length == 1)
            return (letters[0] | 0x20) is 't' or 's' or 'n' or 'k' or 'm' or 'r' or 'j' or 'h';
        Span<char> lower = stackalloc char[letters.Length];
        letters.ToLowerInvariant(lower);
        return lower is "ns" or "em" or "ie" or "er" or "es";
    }

    /// <summary>Contractions with an inner apostrophe: <c>m'n z'n d'r zo'n da's 'k</c> and the like.</summary>
    public static bool IsContraction(ReadOnlySpan<char> word)
    {
        if (word.Length > 5) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        for (int k = 0; k < lower.Length; k++) if (CharClass.IsApostrophe(lower[k])) lower[k] = '\'';
        return lower is "m'n" or "z'n" or "d'r" or "zo'n" or "da's" or "h'm" or "m'r" or "w'r" or "z'r" or "'t" or "'s";
    }
}

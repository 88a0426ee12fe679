namespace Polder.Topics;

/// <summary>
/// The 64-bit hashes of the distinct texts a model was trained on, stored in the model so that an evaluation can
/// tell how many of its rows the model has already seen (scores on them over-state accuracy). A text is hashed
/// after trimming and with line ends as <c>\n</c> (FNV-1a over UTF-16), so the same row read from a CSV twice
/// matches; no text is stored. Immutable and thread-safe.
/// </summary>
public sealed class TrainingFingerprint
{
    private readonly ulong[] _hashes; // sorted, distinct

    private TrainingFingerprint(ulong[] sortedDistinct) => _hashes = sortedDistinct;

    /// <summary>The fingerprint of <paramref name="texts"/>.</summary>
    public static TrainingFingerprint Of(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return FromHashes(texts.Select(Hash));
    }

    internal static TrainingFingerprint FromHashes(IEnumerable<ulong> hashes)
    {
        var a = hashes.Distinct().ToArray();
        Array.Sort(a);
        return new TrainingFingerprint(a);
    }

    /// <summary>Number of distinct training texts.</summary>
    public int Count => _hashes.Length;

    internal ReadOnlySpan<ulong> Hashes => _hashes;

    /// <summary>Whether <paramref name="text"/> was a training text (up to a 64-bit hash collision).</summary>
    public bool Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Array.BinarySearch(_hashes, Hash(text)) >= 0;
    }

    /// <summary>How many of <paramref name="texts"/> (counting repeats) were training texts.</summary>
    public int CountOverlap(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Count(Contains);
    }

    private static ulong Hash(string text)
    {
        ulong h = NgramTable.Start;
        var t = text.AsSpan().Trim();
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '\r') { c = '\n'; if (i + 1 < t.Length && t[i + 1] == '\n') i++; }
            h = NgramTable.Feed(h, c);
        }
        return NgramTable.Finish(h);
    }
}

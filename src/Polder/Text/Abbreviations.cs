using System.Collections.Frozen;
using System.Reflection;

namespace Polder.Text;

/// <summary>
/// Dutch abbreviations that keep their final period as part of the token (<c>o.a.</c>, <c>bijv.</c>, <c>Dhr.</c>).
/// Loaded once from the embedded list <c>abbreviations-nl.txt</c>; immutable and thread-safe.
/// </summary>
public sealed class Abbreviations
{
    private readonly FrozenSet<string> _set;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxLength;
    // A 1024-bit filter over (length, first, last character) of the entries, lower-case: most words before a period
    // are no abbreviation and are rejected here without lower-casing and hashing the whole word.
    private readonly ulong[] _filter = new ulong[16];

    /// <summary>The shipped Dutch list.</summary>
    public static Abbreviations Dutch { get; } = new(LoadResource("Polder.Text.abbreviations-nl.txt"));

    /// <summary>Creates a list from entries written without their final period (e.g. <c>o.a</c>, <c>dhr</c>).</summary>
    public Abbreviations(IEnumerable<string> entries)
    {
        _set = entries.Select(e => e.Trim().TrimEnd('.').ToLowerInvariant()).Where(e => e.Length > 0)
            .ToFrozenSet(StringComparer.Ordinal);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = _set.Count == 0 ? 0 : _set.Max(e => e.Length);
        foreach (var e in _set)
        {
            if (char.IsSurrogate(e[0]) || char.IsSurrogate(e[^1])) { Array.Fill(_filter, ulong.MaxValue); break; }
            int h = FilterSlot(e.Length, e[0], e[^1]);
            _filter[h >> 6] |= 1UL << (h & 63);
        }
    }

    /// <summary>
    /// False when no entry of <paramref name="length"/> characters starts with <paramref name="lowerFirst"/> and
    /// ends with <paramref name="lowerLast"/> (both lower-case, not surrogates); true means "maybe": ask
    /// <see cref="Contains"/>. A few operations, no call: for the tokenizer's inner loop.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool MayContain(int length, char lowerFirst, char lowerLast)
    {
        if (length > _maxLength) return false;
        int h = FilterSlot(length, lowerFirst, lowerLast);
        return (_filter[h >> 6] & (1UL << (h & 63))) != 0;
    }

    private static int FilterSlot(int length, char lowerFirst, char lowerLast) =>
        (int)(((uint)length * 0x9E3779B1u ^ lowerFirst * 0x85EBCA77u ^ lowerLast * 0xC2B2AE3Du) >> 22);

    /// <summary>The entries, lower-case, without their final period.</summary>
    public IReadOnlySet<string> Entries => _set;

    /// <summary>True when <paramref name="word"/> (without its final period, any case) is a listed abbreviation.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > _maxLength) return false;
        char first = word[0], last = word[^1];
        if (!char.IsSurrogate(first) && !char.IsSurrogate(last))
        {
            int h = FilterSlot(word.Length, char.ToLowerInvariant(first), char.ToLowerInvariant(last));
            if ((_filter[h >> 6] & (1UL << (h & 63))) == 0) return false;
        }
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return _lookup.Contains(lower);
    }

    internal static IEnumerable<string> LoadResource(string name)
    {
        using var stream = typeof(Abbreviations).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {typeof(Abbreviations).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') lines.Add(line.Trim());
        return lines;
    }
}

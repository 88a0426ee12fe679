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

    /// <summary>The shipped Dutch list.</summary>
    public static Abbreviations Dutch { get; } = new(LoadResource("Polder.Text.abbreviations-nl.txt"));

    /// <summary>Creates a list from entries written without their final period (e.g. <c>o.a</c>, <c>dhr</c>).</summary>
    public Abbreviations(IEnumerable<string> entries)
    {
        _set = entries.Select(e => e.Trim().TrimEnd('.').ToLowerInvariant()).Where(e => e.Length > 0)
            .ToFrozenSet(StringComparer.Ordinal);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = _set.Count == 0 ? 0 : _set.Max(e => e.Length);
    }

    /// <summary>The entries, lower-case, without their final period.</summary>
    public IReadOnlySet<string> Entries => _set;

    /// <summary>True when <paramref name="word"/> (without its final period, any case) is a listed abbreviation.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > _maxLength) return false;
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

using System.Collections.Frozen;

namespace Polder.Text;

/// <summary>
/// A set of Dutch stop words, matched case-insensitively without allocating. <see cref="Default"/> is the
/// list shipped with Polder (the nlp.js Dutch list, MIT, plus clitic spellings such as <c>'t</c> and
/// <c>z'n</c>; see <c>stopwords-nl.txt</c>). Immutable and thread-safe.
/// </summary>
public sealed class DutchStopWords
{
    private const string ResourceName = "Polder.Text.stopwords-nl.txt";
    private static readonly Lazy<DutchStopWords> LazyDefault = new(LoadDefault);

    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _minLength;
    private readonly int _maxLength;

    /// <summary>Polder's shipped Dutch stop word list.</summary>
    public static DutchStopWords Default => LazyDefault.Value;

    /// <summary>Creates a set from the given words (blank entries are ignored; case does not matter).</summary>
    /// <param name="words">The stop words.</param>
    public DutchStopWords(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        // OrdinalIgnoreCase has a span-keyed alternate comparer, so lookups need no lower-cased copy.
        _words = words.Select(w => w.Trim()).Where(w => w.Length > 0)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _minLength = _words.Count == 0 ? 0 : _words.Min(w => w.Length);
        _maxLength = _words.Count == 0 ? -1 : _words.Max(w => w.Length);
    }

    /// <summary>
    /// Reads a list in the format of the shipped file: UTF-8, one word per line, lines starting with
    /// <c>#</c> are comments.
    /// </summary>
    /// <param name="stream">The list; left open.</param>
    public static DutchStopWords Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
            if (!line.StartsWith('#')) words.Add(line);
        return new DutchStopWords(words);
    }

    /// <summary>The stop words. Its <c>Contains</c> ignores case, like <see cref="IsStopWord"/>.</summary>
    public IReadOnlySet<string> Words => _words;

    /// <summary>True when <paramref name="word"/> is a stop word, ignoring case (<c>De</c>, <c>DE</c> and <c>de</c> alike).</summary>
    /// <param name="word">One token's text.</param>
    public bool IsStopWord(ReadOnlySpan<char> word) =>
        // The length window rejects most content words before hashing.
        word.Length >= _minLength && word.Length <= _maxLength && _lookup.Contains(word);

    private static DutchStopWords LoadDefault()
    {
        using var stream = typeof(DutchStopWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(DutchStopWords).Assembly.GetName().Name}.");
        return Load(stream);
    }
}

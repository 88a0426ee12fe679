using Polder.Analysis;
using Polder.Data;

namespace Polder.Topics;

/// <summary>
/// A theme terminology table (CSV <c>theme,term,n</c>: how often a term occurs in texts of a theme, e.g.
/// dekamer_theme_terminology.csv) turned into labelled pseudo-texts, so that a classifier trained on few texts of a
/// theme also learns the theme's wider vocabulary: each theme's most frequent terms, in blocks of
/// <see cref="TermsPerText"/>, each block one pseudo-text.
/// </summary>
public sealed record ThemeTerminology
{
    private readonly Dictionary<string, List<(string Term, int Count)>> _terms;

    private ThemeTerminology(Dictionary<string, List<(string, int)>> terms) => _terms = terms;

    /// <summary>Terms per pseudo-text; at least 1.</summary>

    public int TermsPerText { get; init; } = 20;

    /// <summary>The most pseudo-texts per theme (the most frequent terms first).</summary>
    public int TextsPerTheme { get; init; } = 20;

    /// <summary>Terms counted fewer times are left out.</summary>
    public int MinimumCount { get; init; } = 3;

    /// <summary>The themes of the table.</summary>
    public IReadOnlyCollection<string> Themes => _terms.Keys;

    /// <summary>Reads the table; a row without a theme or term, or with a count that is not a whole number, is an error naming the line.</summary>
    public static ThemeTerminology Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var terms = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        int line = 1;
        foreach (var row in CsvReader.ReadFileWithHeader(path))
        {
            line++;
            if (!row.TryGetValue("theme", out var theme) || !row.TryGetValue("term", out var term) || !row.TryGetValue("n", out var n))
                throw new PolderInputException("the columns theme, term and n are needed", path);
            theme = theme.Trim(); term = term.Trim();
            if (theme.Length == 0 || term.Length == 0) throw new PolderInputException("empty theme or term", path, line);
            if (!int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count))
                throw new PolderInputException($"'{n}' is not a whole number", path, line, "n");
            if (!terms.TryGetValue(theme, out var list)) terms[theme] = list = [];
            list.Add((term, count));
        }
        return new ThemeTerminology(terms);
    }

    /// <summary>
    /// The pseudo-texts of the themes in <paramref name="themes"/> (all when null), ordered by theme, then by term
    /// frequency (ties by term): deterministic.
    /// </summary>
    public (string[] Texts, string[] Labels) PseudoTexts(IEnumerable<string>? themes = null)
    {
        if (TermsPerText < 1 || TextsPerTheme < 0) throw new ArgumentOutOfRangeException(nameof(TermsPerText), "at least 1 term per text and 0 or more texts per theme");
        var wanted = themes is null ? null : new HashSet<string>(themes, StringComparer.Ordinal);
        var texts = new List<string>();
        var labels = new List<string>();
        foreach (var (theme, list) in _terms.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (wanted is not null && !wanted.Contains(theme)) continue;
            var ordered = list.Where(t => t.Count >= MinimumCount).OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal)
                .Take(TermsPerText * TextsPerTheme).Select(t => t.Term).ToArray();
            foreach (var chunk in ordered.Chunk(TermsPerText))
            {
                // an empty first line: terms are not a title
                texts.Add("\n" + string.Join(' ', chunk));
                labels.Add(theme);
            }
        }
        return (texts.ToArray(), labels.ToArray());
    }
}

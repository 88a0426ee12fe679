using System.Text;
using Polder.Text;

namespace Polder.Topics;

/// <summary>
/// Zero-shot classification of citizens' reports into a municipal complaint taxonomy (by default the 9 main and
/// 77 sub categories of Signalen) by seed terms: words match by Snowball stem and as parts of compounds
/// (<c>container</c> in <c>afvalcontainer</c>, <c>poep</c> in <c>hondenpoep</c>), phrases when all their words
/// occur in one sentence. Reports with too little evidence are "unknown". Users extend it with their own terms
/// (<see cref="WithTerms"/>) or a whole taxonomy (<see cref="Load"/>). Immutable and thread-safe.
/// </summary>
public sealed class ComplaintClassifier
{
    private const int MinCompoundPart = 4;
    private readonly ComplaintCategory[] _categories;
    private readonly CompiledTerm[][] _terms;

    private sealed record CompiledTerm(string Text, string[] Stems);

    /// <summary>Creates a classifier over <paramref name="categories"/>.</summary>
    /// <param name="categories">The sub categories with their seed terms.</param>
    /// <param name="minimumScore">Evidence needed for a category; below it the report is unknown.</param>
    public ComplaintClassifier(IEnumerable<ComplaintCategory> categories, float minimumScore = 1f)
    {
        ArgumentNullException.ThrowIfNull(categories);
        _categories = categories.ToArray();
        MinimumScore = minimumScore;
        // terms with the same stems ("weg", "wegen") count once
        _terms = _categories.Select(c => c.Terms.Select(Compile).Where(t => t.Stems.Length > 0)
            .DistinctBy(t => string.Join(' ', t.Stems)).ToArray()).ToArray();
    }

    /// <summary>The Signalen taxonomy (MPL-2.0 labels) with Polder's Dutch seed terms.</summary>
    public static ComplaintClassifier Signalen => LazySignalen.Value;

    private static readonly Lazy<ComplaintClassifier> LazySignalen = new(() =>
    {
        using var s = typeof(ComplaintClassifier).Assembly.GetManifestResourceStream("Polder.Topics.signalen-seeds.tsv")
            ?? throw new InvalidOperationException("embedded resource Polder.Topics.signalen-seeds.tsv is missing");
        return Load(s);
    });

    /// <summary>The categories.</summary>
    public IReadOnlyList<ComplaintCategory> Categories => _categories;

    /// <summary>Evidence needed for a category.</summary>
    public float MinimumScore { get; }

    /// <summary>
    /// Reads a taxonomy: UTF-8 lines <c>main_slug TAB main_name TAB sub_slug TAB sub_name TAB term, term, …</c>;
    /// lines starting with <c>#</c> are comments.
    /// </summary>
    public static ComplaintClassifier Load(Stream stream, float minimumScore = 1f)
    {
        using var r = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var list = new List<ComplaintCategory>();
        string? line;
        int n = 0;
        while ((line = r.ReadLine()) is not null)
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 4) throw new InvalidDataException($"taxonomy line {n}: expected main_slug, main_name, sub_slug, sub_name, terms");
            var terms = f.Length > 4 ? f[4].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            list.Add(new ComplaintCategory(f[0], f[1], f[2], f[3], terms));
        }
        return new ComplaintClassifier(list, minimumScore);
    }

    /// <summary>A copy with extra seed terms for the sub category <paramref name="subSlug"/>.</summary>
    public ComplaintClassifier WithTerms(string subSlug, params string[] terms)
    {
        if (!_categories.Any(c => c.Slug == subSlug)) throw new ArgumentException($"no sub category '{subSlug}'", nameof(subSlug));
        return new ComplaintClassifier(_categories.Select(c => c.Slug == subSlug ? c with { Terms = [.. c.Terms, .. terms] } : c), MinimumScore);
    }

    /// <summary>The best category of <paramref name="report"/>, or unknown.</summary>
    public ComplaintClassification Classify(string report) => Rank(report).FirstOrDefault() is { } best && best.Score >= MinimumScore
        ? best
        : new ComplaintClassification(null, 0, []);

    /// <summary>All categories with any evidence, best first.</summary>
    public IReadOnlyList<ComplaintClassification> Rank(string report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sentences = Analyze(report);
        var result = new List<(ComplaintClassification C, int Order)>();
        for (int c = 0; c < _categories.Length; c++)
        {
            float score = 0;
            var matched = new List<string>();
            foreach (var term in _terms[c])
            {
                float w = Match(term, sentences);
                if (w <= 0) continue;
                score += w;
                matched.Add(term.Text);
            }
            if (score > 0) result.Add((new ComplaintClassification(_categories[c], score, matched), c));
        }
        return result.OrderByDescending(x => x.C.Score).ThenBy(x => x.Order).Select(x => x.C).ToArray();
    }

    // A single word: exact stem (1), compound head (1) or compound modifier (0.5). A phrase: every word in one
    // sentence, worth its number of words.
    private static float Match(CompiledTerm term, List<string[]> sentences)
    {
        if (term.Stems.Length == 1)
        {
            float best = 0;
            var t = term.Stems[0];
            foreach (var s in sentences)
                foreach (var w in s)
                {
                    if (w == t) return 1;
                    if (t.Length >= MinCompoundPart && w.Length > t.Length + 2)
                    {
                        if (w.EndsWith(t, StringComparison.Ordinal)) return 1;
                        if (w.StartsWith(t, StringComparison.Ordinal)) best = 0.5f;
                    }
                }
            return best;
        }
        foreach (var s in sentences)
            if (term.Stems.All(t => s.Any(w => w == t || (t.Length >= MinCompoundPart && w.Length > t.Length + 2 && w.EndsWith(t, StringComparison.Ordinal)))))
                return term.Stems.Length;
        return 0;
    }

    private static CompiledTerm Compile(string term) => new(term, Stems(term, dropStopWords: true));

    // Sentences of stems (lower-cased, diacritics kept).
    private static List<string[]> Analyze(string text)
    {
        var result = new List<string[]>();
        foreach (var s in SentenceSplitter.Default.Split(text))
            result.Add(Stems(text.Substring(s.Start, s.Length), dropStopWords: false));
        if (result.Count == 0) result.Add(Stems(text, dropStopWords: false));
        return result;
    }

    private static string[] Stems(string text, bool dropStopWords)
    {
        var list = new List<string>();
        foreach (var t in DutchTokenizer.Default.Tokenize(text))
        {
            if (t.Kind is not (TokenKind.Word or TokenKind.Hashtag or TokenKind.Clitic or TokenKind.Abbreviation)) continue;
            var w = t.GetText(text).TrimStart('#').ToLowerInvariant();
            if (dropStopWords && DutchStopWords.Default.IsStopWord(w)) continue;
            // hyphenated compounds and possessives: "taxi's", "glas-container" → one word
            w = w.Replace("-", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
            if (w.Length == 0) continue;
            list.Add(DutchStemmer.Default.Stem(w));
        }
        return list.ToArray();
    }
}

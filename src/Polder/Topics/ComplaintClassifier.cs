using System.Text;
using Polder.Text;

namespace Polder.Topics;

/// <summary>
/// Zero-shot classification of citizens' reports into a municipal complaint taxonomy (by default the 9 main and
/// 77 sub categories of Signalen) by seed terms, abstaining unless the evidence is enough. Terms match whole words,
/// compound heads (<c>container</c> in <c>afvalcontainer</c>), prefixes (<c>lantaarnpa*</c>) and phrases; a term is
/// domain evidence (weight 2) or a weak cue (weight 1). A main category needs domain evidence of at least 2 (one
/// term, or two independent cues) and, counting report words (+1 each, at most 2: <c>kapot</c>, <c>al weken</c>,
/// <c>overlast</c>) and words of posts that are no report (-1 each: thanks, praise, information questions, politics),
/// a score of at least <see cref="MinimumScore"/>. Texts that are not Dutch (more English than Dutch function words)
/// get no category. Every answer carries its <see cref="ComplaintClassification.Evidence"/> with offsets.
/// Method and measured precision: docs/complaints.md. Immutable and thread-safe.
/// </summary>
public sealed class ComplaintClassifier
{
    /// <summary>The default <see cref="MinimumScore"/>: one domain term and one report word, or a term and a cue.</summary>
    public const float DefaultMinimumScore = 3f;

    /// <summary>Domain evidence a category needs before report words count.</summary>
    public const float MinimumDomainEvidence = 2f;

    private const int MaxPhraseGap = 8;
    private const int MaxReportWords = 2;
    private const int MinHeadLength = 4, MinModifierLength = 3;
    // without a Dutch function word, a text this long is taken as not Dutch
    private const int LongTextWithoutDutch = 8;

    private readonly ComplaintCategory[] _categories;
    private readonly string[] _mains;
    private readonly int[] _mainOf;
    private readonly Matcher _matcher;

    /// <summary>Creates a classifier over <paramref name="categories"/> with Polder's Dutch report words.</summary>
    /// <param name="categories">The sub categories with their seed terms (syntax: see <see cref="ComplaintCategory.Terms"/>).</param>
    /// <param name="minimumScore">Score needed for a category; below it the report is unknown.</param>
    public ComplaintClassifier(IEnumerable<ComplaintCategory> categories, float minimumScore = DefaultMinimumScore)
    {
        ArgumentNullException.ThrowIfNull(categories);
        _categories = categories.ToArray();
        MinimumScore = minimumScore;
        _mains = _categories.Select(c => c.MainSlug).Distinct(StringComparer.Ordinal).ToArray();
        _mainOf = _categories.Select(c => Array.IndexOf(_mains, c.MainSlug)).ToArray();
        _matcher = new Matcher(_categories, LanguageData.Default);
    }

    /// <summary>The Signalen taxonomy (MPL-2.0 labels) with Polder's Dutch seed terms.</summary>
    public static ComplaintClassifier Signalen => LazySignalen.Value;

    private static readonly Lazy<ComplaintClassifier> LazySignalen = new(() =>
    {
        using var s = OpenResource("signalen-seeds.tsv");
        return Load(s);
    });

    /// <summary>The categories.</summary>
    public IReadOnlyList<ComplaintCategory> Categories => _categories;

    /// <summary>Score needed for a category (domain evidence + report words - non-report words).</summary>
    public float MinimumScore { get; }

    /// <summary>
    /// Reads a taxonomy: UTF-8 lines <c>main_slug TAB main_name TAB sub_slug TAB sub_name TAB term, term, …</c>;
    /// lines starting with <c>#</c> are comments. Term syntax: see <see cref="ComplaintCategory.Terms"/>.
    /// </summary>
    public static ComplaintClassifier Load(Stream stream, float minimumScore = DefaultMinimumScore)
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

    /// <summary>A copy that needs <paramref name="minimumScore"/> for a category.</summary>
    public ComplaintClassifier WithMinimumScore(float minimumScore) => new(_categories, minimumScore);

    /// <summary>
    /// The category of <paramref name="report"/> with the evidence for it, or unknown when no main category has
    /// enough evidence or the text is not Dutch.
    /// </summary>
    public ComplaintClassification Classify(string report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Best(Rank(TextView.Of(report, _matcher.Language)));
    }

    /// <summary>As <see cref="Classify(string)"/>, from <paramref name="document"/>'s tokens and sentences.</summary>
    public ComplaintClassification Classify(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Best(Rank(TextView.Of(document, _matcher.Language)));
    }

    private ComplaintClassification Best(IReadOnlyList<ComplaintClassification> ranked)
    {
        return ranked.Count > 0 && ranked[0].Score >= MinimumScore && DomainOf(ranked[0]) >= MinimumDomainEvidence
            ? ranked[0]
            : new ComplaintClassification(null, 0, []);
    }

    /// <summary>
    /// Every main category with domain evidence, best first, each as its best sub category with the score of the
    /// main category (also those below <see cref="MinimumScore"/>). Empty when the text is not Dutch.
    /// </summary>
    public IReadOnlyList<ComplaintClassification> Rank(string report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Rank(TextView.Of(report, _matcher.Language));
    }

    /// <summary>As <see cref="Rank(string)"/>, from <paramref name="document"/>'s tokens and sentences.</summary>
    public IReadOnlyList<ComplaintClassification> Rank(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Rank(TextView.Of(document, _matcher.Language));
    }

    private IReadOnlyList<ComplaintClassification> Rank(TextView text)
    {
        if (!text.LooksDutch) return [];
        var matches = _matcher.Find(text);
        if (matches.Count == 0) return [];

        var report_ = new List<Match>();
        var negative = new List<Match>();
        var byMain = new List<Match>?[_mains.Length];
        foreach (var m in matches)
        {
            if (m.Term.Sub >= 0) (byMain[_mainOf[m.Term.Sub]] ??= []).Add(m);
            else if (m.Term.Kind == ComplaintEvidenceKind.Report) report_.Add(m);
            else negative.Add(m);
        }
        var result = new List<(ComplaintClassification C, float Domain, int Objects, int Order)>();
        for (int main = 0; main < _mains.Length; main++)
        {
            if (byMain[main] is not { } list) continue;
            // one piece of text is one piece of evidence: the strongest, longest term claims it
            list.Sort((a, b) => b.Term.Weight != a.Term.Weight ? b.Term.Weight.CompareTo(a.Term.Weight) : (b.Last - b.First) != (a.Last - a.First) ? (b.Last - b.First).CompareTo(a.Last - a.First) : a.First.CompareTo(b.First));
            var used = new List<Match>();
            var subScore = new Dictionary<int, float>();
            foreach (var m in list)
            {
                if (used.Any(u => Overlaps(u, m) || ReferenceEquals(u.Term, m.Term))) continue;
                used.Add(m);
                subScore[m.Term.Sub] = subScore.GetValueOrDefault(m.Term.Sub) + m.Term.Weight;
            }
            float domain = used.Sum(m => m.Term.Weight);
            var evidence = new List<Match>(used);
            int reportWords = 0;
            foreach (var m in report_)
            {
                if (reportWords == MaxReportWords) break;
                if (evidence.Any(u => Overlaps(u, m) || ReferenceEquals(u.Term, m.Term))) continue;
                evidence.Add(m);
                reportWords++;
            }
            foreach (var m in negative)
                if (!evidence.Any(u => Overlaps(u, m) || ReferenceEquals(u.Term, m.Term))) evidence.Add(m);
            float score = evidence.Sum(m => m.Term.Weight);
            int best = subScore.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
            evidence.Sort((a, b) => a.First.CompareTo(b.First));
            var items = evidence.Select(m => m.ToEvidence(text, m.Term.Sub >= 0 ? _categories[m.Term.Sub].Slug : null)).ToArray();
            var c = new ComplaintClassification(_categories[best], score, items.Select(e => e.Term).ToArray()) { Evidence = items };
            result.Add((c, domain, used.Count(m => m.Term.Kind == ComplaintEvidenceKind.Term), main));
        }
        return result.OrderByDescending(x => x.C.Score).ThenByDescending(x => x.Domain).ThenByDescending(x => x.Objects)
            .ThenBy(x => x.Order).Select(x => x.C).ToArray();
    }

    private static float DomainOf(ComplaintClassification c) =>
        c.Evidence.Where(e => e.Kind is ComplaintEvidenceKind.Term or ComplaintEvidenceKind.Cue).Sum(e => e.Weight);

    private static bool Overlaps(Match a, Match b) => a.First <= b.Last && b.First <= a.Last;

    internal static Stream OpenResource(string name) =>
        typeof(ComplaintClassifier).Assembly.GetManifestResourceStream("Polder.Topics." + name)
        ?? throw new InvalidOperationException($"embedded resource Polder.Topics.{name} is missing");

    private readonly record struct Match(CompiledTerm Term, int First, int Last)
    {
        public ComplaintEvidence ToEvidence(TextView text, string? sub)
        {
            int start = text.Starts[First], end = text.Ends[Last];
            return new ComplaintEvidence(Term.Text, text.Source.Substring(start, end - start), start, end - start, Term.Weight, Term.Kind, sub);
        }
    }

    private enum PatternKind : byte { ExactOrHead, Exact, Prefix }

    private sealed record CompiledTerm(string Text, int[] Patterns, float Weight, ComplaintEvidenceKind Kind, int Sub);

    /// <summary>The words of a text: normalised forms, offsets, sentence of each, and the language guard.</summary>
    private sealed class TextView
    {
        public required string Source { get; init; }
        public required string[] Words { get; init; }
        public required int[] Starts { get; init; }
        public required int[] Ends { get; init; }
        public required int[] SentenceOf { get; init; }
        public bool LooksDutch { get; init; }

        public static TextView Of(string text, LanguageData language)
        {
            var tokens = DutchTokenizer.Default.Tokenize(text);
            var sentences = new Sentence[tokens.Length];
            int ns = SentenceSplitter.Default.Split(text, tokens, sentences);
            return Of(text, tokens, sentences.AsSpan(0, ns), language);
        }

        public static TextView Of(TextDocument document, LanguageData language) =>
            Of(document.Text, document.Tokens, document.Sentences, language);

        private static TextView Of(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, LanguageData language)
        {
            int ns = sentences.Length;
            var sentenceOfToken = new int[tokens.Length];
            for (int s = 0; s < ns; s++)
                for (int t = sentences[s].FirstToken; t < sentences[s].FirstToken + sentences[s].TokenCount; t++) sentenceOfToken[t] = s;
            var words = new List<string>(tokens.Length);
            var starts = new List<int>(tokens.Length);
            var ends = new List<int>(tokens.Length);
            var sentenceOf = new List<int>(tokens.Length);
            int nl = 0, en = 0, plain = 0;
            for (int i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                if (t.Kind is not (TokenKind.Word or TokenKind.Hashtag or TokenKind.Clitic or TokenKind.Abbreviation)) continue;
                var w = Normalize(t.Slice(text));
                if (w.Length == 0) continue;
                if (t.Kind is TokenKind.Word or TokenKind.Clitic)
                {
                    plain++;
                    if (language.Dutch.Contains(w)) nl++;
                    else if (language.English.Contains(w)) en++;
                }
                words.Add(w);
                starts.Add(t.Start);
                ends.Add(t.End);
                sentenceOf.Add(sentenceOfToken[i]);
            }
            return new TextView
            {
                Source = text, Words = [.. words], Starts = [.. starts], Ends = [.. ends], SentenceOf = [.. sentenceOf],
                LooksDutch = en <= nl && !(nl == 0 && plain >= LongTextWithoutDutch),
            };
        }
    }

    // lower case; hashtags as words; hyphens and apostrophes dropped ("glas-container", "kliko's")
    private static string Normalize(ReadOnlySpan<char> token)
    {
        Span<char> buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        int n = 0;
        foreach (var ch in token)
        {
            if (ch is '#' or '-' or '\'' or '’' or '‘') continue;
            buffer[n++] = char.ToLowerInvariant(ch);
        }
        return new string(buffer[..n]);
    }

    /// <summary>Finds the terms of the taxonomy and the language data in a text.</summary>
    private sealed class Matcher
    {
        private readonly List<(string Form, PatternKind Kind)> _patterns = [];
        private readonly Dictionary<(string, PatternKind), int> _patternIds = [];
        private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _heads = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _prefixes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _headLookup;
        private readonly List<CompiledTerm>[] _termsByFirst;
        private readonly List<CompiledTerm> _masks = [];
        private int _maxPrefix;

        public LanguageData Language { get; }

        public Matcher(ComplaintCategory[] categories, LanguageData language)
        {
            Language = language;
            var terms = new List<CompiledTerm>();
            for (int c = 0; c < categories.Length; c++)
                foreach (var t in categories[c].Terms)
                {
                    bool cue = t.StartsWith('~'), problem = t.StartsWith('!');
                    var body = cue || problem ? t[1..] : t;
                    // a problem word ("hondenpoep") or a phrase of object and problem ("container vol") is two cues in one
                    float weight = cue ? 1f : problem || body.Contains(' ') ? 3f : 2f;
                    Add(terms, t, body, weight, cue ? ComplaintEvidenceKind.Cue : ComplaintEvidenceKind.Term, c);
                }
            foreach (var t in language.Report) Add(terms, t, t, 1f, ComplaintEvidenceKind.Report, -1);
            foreach (var t in language.Negative) Add(terms, t, t, -1f, ComplaintEvidenceKind.Negative, -1);
            foreach (var t in language.Masks) Add(_masks, t, t, 0f, ComplaintEvidenceKind.Negative, -1);
            _termsByFirst = new List<CompiledTerm>[_patterns.Count];
            // a term listed twice in one category counts once
            foreach (var t in terms.DistinctBy(t => (string.Join(' ', t.Patterns), t.Sub, t.Kind)))
                (_termsByFirst[t.Patterns[0]] ??= []).Add(t);
            _headLookup = _heads.GetAlternateLookup<ReadOnlySpan<char>>();
            _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
            // every leading part of a prefix pattern, with the pattern's ids when it is one: a walk along a word stops at
            // the first part that begins no pattern (the ids found, and their order, are those of trying every length)
            foreach (var (form, ids) in _prefixes)
                for (int k = 1; k <= form.Length; k++)
                {
                    var lead = form[..k];
                    if (k == form.Length) _prefixWalk[lead] = ids;
                    else _prefixWalk.TryAdd(lead, null);
                }
            _prefixWalkLookup = _prefixWalk.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var head in _heads.Keys) _headEndings.Add(head[^MinHeadLength..]);
            _headEndingLookup = _headEndings.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
        private readonly Dictionary<string, List<int>?> _prefixWalk = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>?>.AlternateLookup<ReadOnlySpan<char>> _prefixWalkLookup;
        // the last MinHeadLength letters of every compound head: a word ending otherwise has no head to look up
        private readonly HashSet<string> _headEndings = new(StringComparer.Ordinal);
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _headEndingLookup;

        private void Add(List<CompiledTerm> into, string text, string body, float weight, ComplaintEvidenceKind kind, int sub)
        {
            var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ids = new List<int>();
            foreach (var raw in words)
            {
                var (form, pk) = raw.StartsWith('=') ? (raw[1..], PatternKind.Exact)
                    : raw.EndsWith('*') ? (raw[..^1], PatternKind.Prefix)
                    : (raw, PatternKind.ExactOrHead);
                form = Normalize(form);
                if (form.Length == 0) continue;
                ids.Add(PatternId(form, pk));
            }
            if (ids.Count > 0) into.Add(new CompiledTerm(text, [.. ids], weight, kind, sub));
        }

        private int PatternId(string form, PatternKind kind)
        {
            if (_patternIds.TryGetValue((form, kind), out int id)) return id;
            id = _patterns.Count;
            _patterns.Add((form, kind));
            _patternIds[(form, kind)] = id;
            switch (kind)
            {
                case PatternKind.Prefix:
                    Index(_prefixes, form, id);
                    _maxPrefix = Math.Max(_maxPrefix, form.Length);
                    break;
                case PatternKind.ExactOrHead:
                    Index(_exact, form, id);
                    if (form.Length >= MinHeadLength) Index(_heads, form, id);
                    break;
                default:
                    Index(_exact, form, id);
                    break;
            }
            return id;
        }

        private static void Index(Dictionary<string, List<int>> d, string key, int id)
        {
            if (!d.TryGetValue(key, out var list)) d[key] = list = [];
            list.Add(id);
        }

        // A word's pattern ids depend on the word alone, and a community repeats its words: each thread keeps the
        // ids of the words it has seen (for one matcher; emptied when full). The lists are never changed once made.
        [ThreadStatic] private static (Matcher Owner, Dictionary<string, List<int>?> Ids)? t_seen;
        private const int MaxSeenWords = 1 << 14;

        // The pattern ids each word matches.
        private List<int>?[] PatternsOf(TextView text)
        {
            var result = new List<int>?[text.Words.Length];
            var seen = t_seen is { } c && ReferenceEquals(c.Owner, this) ? c.Ids : null;
            if (seen is null) t_seen = (this, seen = new Dictionary<string, List<int>?>(StringComparer.Ordinal));
            for (int i = 0; i < text.Words.Length; i++)
            {
                var w = text.Words[i];
                if (!seen.TryGetValue(w, out var known))
                {
                    if (seen.Count == MaxSeenWords) seen.Clear();
                    seen.Add(w, known = IdsOf(w));
                }
                result[i] = known;
            }
            return result;
        }

        private List<int>? IdsOf(string w)
        {
            {
                List<int>? ids = null;
                if (_exact.TryGetValue(w, out var e)) (ids ??= []).AddRange(e);
                if (w.Length >= MinModifierLength + MinHeadLength && _headEndingLookup.Contains(w.AsSpan(w.Length - MinHeadLength)))
                    for (int k = MinModifierLength; k <= w.Length - MinHeadLength; k++)
                        if (_headLookup.TryGetValue(w.AsSpan(k), out var h)) (ids ??= []).AddRange(h);
                // word* also inside a compound: at the start, or after a modifier of 3+ letters ("afvalcontainers")
                for (int start = 0; start <= w.Length - 1; start = start == 0 ? MinModifierLength : start + 1)
                {
                    int shortest = start == 0 ? 1 : MinHeadLength, longest = Math.Min(w.Length - start, _maxPrefix);
                    if (shortest > longest) continue;
                    for (int k = shortest; k <= longest; k++)
                    {
                        if (!_prefixWalkLookup.TryGetValue(w.AsSpan(start, k), out var p)) break;
                        if (p is not null) (ids ??= []).AddRange(p);
                    }
                }
                return ids;
            }
        }

        public List<Match> Find(TextView text)
        {
            var ids = PatternsOf(text);
            // masked names ("Partij voor de Dieren", "Den Haag") are no evidence
            foreach (var mask in _masks)
                for (int i = 0; i < ids.Length; i++)
                    if (ids[i] is { } l && l.Contains(mask.Patterns[0]) && MatchFrom(mask, i, ids, text) is int last)
                        for (int k = i; k <= last; k++) ids[k] = null;
            var found = new List<Match>();
            for (int i = 0; i < ids.Length; i++)
            {
                if (ids[i] is not { } l) continue;
                foreach (int p in l)
                {
                    if (_termsByFirst[p] is not { } terms) continue;
                    foreach (var t in terms)
                        if (MatchFrom(t, i, ids, text) is int last) found.Add(new Match(t, i, last));
                }
            }
            return found;
        }

        // The last word of a match of the term's words in order, starting at word i, in one sentence, with at most
        // MaxPhraseGap words between consecutive ones; null when there is none.
        private static int? MatchFrom(CompiledTerm term, int i, List<int>?[] ids, TextView text)
        {
            int at = i;
            for (int w = 1; w < term.Patterns.Length; w++)
            {
                int next = -1;
                for (int j = at + 1; j < ids.Length && j <= at + 1 + MaxPhraseGap && text.SentenceOf[j] == text.SentenceOf[i]; j++)
                    if (ids[j] is { } l && l.Contains(term.Patterns[w])) { next = j; break; }
                if (next < 0) return null;
                at = next;
            }
            return at;
        }
    }

    /// <summary>The language data of the classifier (complaint-language-nl.tsv).</summary>
    private sealed class LanguageData
    {
        public static LanguageData Default { get; } = Read();

        public List<string> Report { get; } = [];
        public List<string> Negative { get; } = [];
        public List<string> Masks { get; } = [];
        public HashSet<string> Dutch { get; } = new(StringComparer.Ordinal);
        public HashSet<string> English { get; } = new(StringComparer.Ordinal);

        private static LanguageData Read()
        {
            var d = new LanguageData();
            using var s = OpenResource("complaint-language-nl.tsv");
            using var r = new StreamReader(s, Encoding.UTF8);
            string? line;
            while ((line = r.ReadLine()) is not null)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var f = line.Split('\t', 2);
                var items = f.Length > 1 ? f[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
                switch (f[0])
                {
                    case "report": d.Report.AddRange(items); break;
                    case "negative": d.Negative.AddRange(items); break;
                    case "mask": d.Masks.AddRange(items); break;
                    case "nl": foreach (var w in items) d.Dutch.Add(Normalize(w)); break;
                    case "en": foreach (var w in items) d.English.Add(Normalize(w)); break;
                    default: throw new InvalidDataException($"complaint-language-nl.tsv: unknown kind '{f[0]}'");
                }
            }
            return d;
        }
    }
}

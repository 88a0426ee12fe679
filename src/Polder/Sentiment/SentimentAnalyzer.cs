using System.Buffers;
using System.Collections.Frozen;
using Polder.Text;

namespace Polder.Sentiment;

/// <summary>
/// Zero-shot Dutch sentiment: a lexicon (Pattern, Glender and Polder's social-media additions) matched on
/// tokens and stems, with rules for negation scope, intensifiers and downtoners, contrast (<c>maar</c>,
/// <c>echter</c>, <c>hoewel</c>), exclamation, elongation, capitals, questions and quoted or reported
/// speech, and for the language of municipal posts and webcare: recurrence (<c>alweer</c>, <c>nog steeds</c>,
/// <c>al weken</c>, <c>weer vol</c>), irony (<c>Top hoor, …</c>, 🙄), information and why-questions, and phrases
/// (<c>vol vertrouwen</c>, <c>vervelend om te horen</c>). Every result names the tokens that decided it, with weights
/// that add up to the score.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="Score(ReadOnlySpan{char})"/>, <see cref="Classify(ReadOnlySpan{char})"/> and <see cref="GetFeatures(ReadOnlySpan{char}, Span{float})"/> (and their <see cref="TextDocument"/> overloads) do
/// not allocate (they work in per-thread buffers); <see cref="Analyze(string)"/> allocates only its result.
/// The default analyser reads nothing but the library's embedded resources.
/// </remarks>
public sealed class SentimentAnalyzer
{
    private static readonly Lazy<SentimentAnalyzer> LazyDefault = new(() => new SentimentAnalyzer());
    private static readonly SearchValues<char> QuoteChars = SearchValues.Create("\"“”„‘’'«»");

    [ThreadStatic] private static Scratch? t_scratch;

    private readonly DutchTokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;
    // Lexicon forms and rule words in one table: one lookup per word on the hot path.
    private readonly FrozenDictionary<string, WordEntry>.AlternateLookup<ReadOnlySpan<char>> _words;

    // Phrases: the lexicon's multi-word entries grouped by first word, longest first; WordEntry.Phrases is 1 + the group index.
    private readonly Phrase[][] _phrases;

    private readonly record struct WordEntry(SentimentCue Cue, float Value, bool InLexicon, int Phrases = 0);

    private sealed record Phrase(string[] Rest, float Value);

    /// <summary>The analyser with the embedded lexicon, rule words and default options.</summary>
    public static SentimentAnalyzer Default => LazyDefault.Value;

    /// <summary>Creates an analyser; null arguments take the embedded defaults.</summary>
    public SentimentAnalyzer(SentimentOptions? options = null, SentimentLexicon? lexicon = null, SentimentCueWords? cues = null)
    {
        Options = options ?? SentimentOptions.Default;
        Lexicon = lexicon ?? SentimentLexicon.Default;
        Cues = cues ?? SentimentCueWords.Default;
        _tokenizer = DutchTokenizer.Default;
        _splitter = SentenceSplitter.Default;
        var words = new Dictionary<string, WordEntry>(StringComparer.Ordinal);
        foreach (var (k, v) in Lexicon.Entries) words[k] = new WordEntry(default, v, true);
        foreach (var (k, c) in Cues.Entries) words[k] = words.TryGetValue(k, out var e) ? e with { Cue = c } : new WordEntry(c, 0, false);
        var groups = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        foreach (var (k, v) in Lexicon.Entries)
        {
            if (!k.Contains(' ')) continue;
            var parts = k.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (!groups.TryGetValue(parts[0], out var list)) groups[parts[0]] = list = [];
            list.Add(new Phrase(parts[1..], v));
        }
        _phrases = new Phrase[groups.Count][];
        int g = 0;
        foreach (var (first, list) in groups)
        {
            _phrases[g++] = list.OrderByDescending(p => p.Rest.Length).ToArray();
            words[first] = words.TryGetValue(first, out var e) ? e with { Phrases = g } : new WordEntry(default, 0, false, g);
        }
        _words = words.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The thresholds and rule strengths.</summary>
    public SentimentOptions Options { get; }

    /// <summary>The prior polarities.</summary>
    public SentimentLexicon Lexicon { get; }

    /// <summary>The rule words.</summary>
    public SentimentCueWords Cues { get; }

    /// <summary>The label for a score under this analyser's thresholds.</summary>
    public SentimentLabel LabelOf(double score) =>
        score >= Options.PositiveThreshold ? SentimentLabel.Positive
        : score <= -Options.NegativeThreshold ? SentimentLabel.Negative
        : SentimentLabel.Neutral;

    /// <summary>The score of <paramref name="text"/> in [-1, 1], without allocating.</summary>
    public double Score(ReadOnlySpan<char> text) => Score(Run(text));

    /// <summary>The score of <paramref name="document"/>'s text in [-1, 1], from its tokens and sentences.</summary>
    public double Score(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Score(Run(document.Text, document));
    }

    private double Score(Scratch s)
    {
        double sum = 0;
        for (int i = 0; i < s.HitCount; i++) sum += s.Hits[i].Weight;
        return Squash(sum);
    }

    /// <summary>The label of <paramref name="text"/>, without allocating.</summary>
    public SentimentLabel Classify(ReadOnlySpan<char> text) => LabelOf(Score(text));

    /// <summary>The label of <paramref name="document"/>'s text.</summary>
    public SentimentLabel Classify(TextDocument document) => LabelOf(Score(document));

    /// <summary>Label, score and the contributing tokens of <paramref name="text"/>.</summary>
    public SentimentResult Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Analyze(text, Run(text));
    }

    /// <summary>Label, score and the contributing tokens of <paramref name="document"/>'s text.</summary>
    public SentimentResult Analyze(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Analyze(document.Text, Run(document.Text, document));
    }

    private SentimentResult Analyze(string text, Scratch s)
    {
        double sum = 0;
        for (int i = 0; i < s.HitCount; i++) sum += s.Hits[i].Weight;
        double score = Squash(sum);
        return new SentimentResult(LabelOf(score), score, Contributions(text, s, 0, s.HitCount, sum, score));
    }

    /// <summary>
    /// Writes the analyser's lexicon and rule features of <paramref name="text"/> into
    /// <paramref name="destination"/> (at least <see cref="SentimentFeatures.Count"/> long), without allocating.
    /// </summary>
    public void GetFeatures(ReadOnlySpan<char> text, Span<float> destination) => GetFeatures(text, null, destination);

    /// <summary>As <see cref="GetFeatures(ReadOnlySpan{char}, Span{float})"/>, from <paramref name="document"/>'s tokens.</summary>
    public void GetFeatures(TextDocument document, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(document);
        GetFeatures(document.Text, document, destination);
    }

    private void GetFeatures(ReadOnlySpan<char> text, TextDocument? document, Span<float> destination)
    {
        if (destination.Length < SentimentFeatures.Count)
            throw new ArgumentException($"destination must hold {SentimentFeatures.Count} features", nameof(destination));
        var s = Run(text, document);
        SentimentFeatures.Compute(s.Hits.AsSpan(0, s.HitCount), s.SentenceCount, s.TokenCount, this, destination);
    }

    /// <summary>
    /// Sentiment per sentence and per mentioned target (the <paramref name="targets"/> given, or else the
    /// text's @mentions, #hashtags and capitalised names).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="targets">Targets to look for (case-insensitive, whole tokens or token sequences); null finds them.</param>
    public AspectSentimentResult AnalyzeAspects(string text, IReadOnlyList<string>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnalyzeAspects(text, Run(text), targets);
    }

    /// <summary>As <see cref="AnalyzeAspects(string, IReadOnlyList{string})"/>, from <paramref name="document"/>'s tokens and sentences.</summary>
    public AspectSentimentResult AnalyzeAspects(TextDocument document, IReadOnlyList<string>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return AnalyzeAspects(document.Text, Run(document.Text, document), targets);
    }

    private AspectSentimentResult AnalyzeAspects(string text, Scratch s, IReadOnlyList<string>? targets)
    {
        var hits = s.Hits.AsSpan(0, s.HitCount);
        double total = 0;
        foreach (var h in hits) total += h.Weight;
        double overallScore = Squash(total);
        var overall = new SentimentResult(LabelOf(overallScore), overallScore, Contributions(text, s, 0, s.HitCount, total, overallScore));

        var sentences = new SentenceSentiment[s.SentenceCount];
        var sentenceScores = new double[s.SentenceCount];
        int h0 = 0;
        for (int i = 0; i < s.SentenceCount; i++)
        {
            var sent = s.Sentences[i];
            int h1 = h0;
            double sum = 0;
            while (h1 < s.HitCount && s.Hits[h1].Sentence == i) { sum += s.Hits[h1].Weight / s.Hits[h1].Carry; h1++; }
            double score = Squash(sum);
            sentenceScores[i] = score;
            sentences[i] = new SentenceSentiment(sent.Start, sent.Length, sent.GetText(text), LabelOf(score), score,
                Contributions(text, s, h0, h1, sum, score, local: true));
            h0 = h1;
        }
        var found = AspectTargets.Find(text, s.Tokens.AsSpan(0, s.TokenCount), s.Sentences.AsSpan(0, s.SentenceCount), targets);
        var targetResults = new List<TargetSentiment>(found.Count);
        foreach (var (name, sentenceIndices) in found)
        {
            double mean = 0;
            foreach (int si in sentenceIndices) mean += sentenceScores[si];
            mean /= sentenceIndices.Count;
            targetResults.Add(new TargetSentiment(name, sentenceIndices.Count, LabelOf(mean), mean, sentenceIndices.ToArray()));
        }
        return new AspectSentimentResult(overall, sentences, targetResults);
    }

    private double Squash(double sum) => sum == 0 ? 0 : sum / Math.Sqrt(sum * sum + Options.Squash);

    private static SentimentContribution[] Contributions(string text, Scratch s, int from, int to, double sum, double score, bool local = false)
    {
        if (to <= from) return [];
        var list = new SentimentContribution[to - from];
        double scale = sum == 0 ? 0 : score / sum;
        for (int i = from; i < to; i++)
        {
            var h = s.Hits[i];
            var t = s.Tokens[h.Token];
            double w = local ? h.Weight / h.Carry : h.Weight;
            int length = t.Length;
            if (h.Span > 1)
            {
                var last = s.Tokens[h.Token + h.Span - 1];
                length = last.Start + last.Length - t.Start;
            }
            list[i - from] = new SentimentContribution(t.Start, length, text.Substring(t.Start, length), h.Prior, w * scale, h.Cues);
        }
        Array.Sort(list, static (a, b) => a.Start.CompareTo(b.Start));
        return list;
    }

    // ---------------------------------------------------------------------------------------------------
    // The scoring pass.

    internal struct Hit
    {
        public int Token;
        public int Sentence;
        public float Prior;
        public double Weight;
        public SentimentCues Cues;
        // The factor a later sentence's contrast applied ("… Maar …", "echter"): sentence-level scores divide it out.
        public float Carry;
        // Tokens covered: more than 1 for a phrase ("aan te raden").
        public int Span;
        // Praise that a marker ("hoor", "...", scare quotes) makes ironic if the text also criticises.
        public bool IronyCandidate;
    }

    internal sealed class Scratch
    {
        public Token[] Tokens = new Token[512];
        public Sentence[] Sentences = new Sentence[512];
        public Hit[] Hits = new Hit[512];
        public bool[] Quoted = new bool[512];
        public bool[] Scare = new bool[512];
        public int TokenCount, SentenceCount, HitCount;

        public void Ensure(int length)
        {
            if (Tokens.Length >= length) return;
            int n = Math.Max(length, Tokens.Length * 2);
            Tokens = new Token[n];
            Sentences = new Sentence[n];
            Hits = new Hit[n];
            Quoted = new bool[n];
            Scare = new bool[n];
        }
    }

    private const int MaxWord = 64;

    private Scratch Run(ReadOnlySpan<char> text, TextDocument? document = null)
    {
        var s = t_scratch ??= new Scratch();
        s.Ensure(text.Length + 1);
        int tokenCount, sentenceCount;
        if (document is null)
        {
            tokenCount = _tokenizer.Tokenize(text, s.Tokens);
            sentenceCount = _splitter.Split(text, s.Tokens.AsSpan(0, tokenCount), s.Sentences);
        }
        else
        {
            // the document's tokens and sentences, copied (12 and 16 bytes each) into the scratch the pass works in
            tokenCount = document.TokenCount;
            document.Tokens.CopyTo(s.Tokens);
            var docSentences = document.Sentences;
            sentenceCount = docSentences.Length;
            docSentences.CopyTo(s.Sentences);
        }
        var tokens = s.Tokens.AsSpan(0, tokenCount);
        s.TokenCount = tokenCount;
        s.SentenceCount = sentenceCount;
        var quoted = s.Quoted.AsSpan(0, tokenCount);
        var scare = s.Scare.AsSpan(0, tokenCount);
        bool anyQuoted = text.ContainsAny(QuoteChars) && MarkQuoted(text, tokens, quoted, scare);
        var hits = s.Hits.AsSpan();
        int hitCount = 0;
        int prevSentenceHitStart = 0;
        int capsState = 0; // 0 unknown, 1 text mostly in capitals, 2 not
        bool eyeRoll = false, ironyCandidates = false, strongRecurrence = false;
        var o = Options;
        Span<char> lower = stackalloc char[MaxWord];
        Span<char> alt = stackalloc char[MaxWord];

        for (int si = 0; si < sentenceCount; si++)
        {
            var sentence = s.Sentences[si];
            int first = sentence.FirstToken, end = first + sentence.TokenCount;
            int sentenceHitStart = hitCount, clauseHitStart = hitCount;
            int exclamations = 0;
            bool question = false;
            for (int t = first; t < end; t++)
            {
                if (tokens[t].Kind != TokenKind.Punctuation) continue;
                var p = tokens[t].Slice(text);
                exclamations += p.Count('!');
                if (p.Contains('?')) question = true;
            }
            float pending = 1f;
            int pendingLeft = 0;
            var neg = new Negation { Token = -1, Used = true };
            int excessToken = -1;
            float excessFactor = 1f;
            int contrast = 0; // 0 none, 1 after a contrast, 2 inside a concessive clause
            float report = 1f;
            int recurrence = 0, recurrenceToken = -1; // 0 none, 1 weak ("weer"), 2 strong ("alweer", "nog steeds", "al weken")
            int complaintToken = -1, informationFrom = -1;
            bool clauseStart = true, elapsed = false;

            for (int t = first; t < end; t++)
            {
                var tok = tokens[t];
                var raw = tok.Slice(text);
                if (tok.Kind == TokenKind.Punctuation)
                {
                    if (IsClauseMark(raw))
                    {
                        // Praise trailing off in an ellipsis ("Mooi werk weer van de gemeente... het fietspad wordt alweer opengebroken").
                        if ((raw.StartsWith("..") || raw.Contains('…')) && hitCount > clauseHitStart && hits[hitCount - 1].Weight > 0)
                            ironyCandidates |= MarkIrony(hits[clauseHitStart..hitCount]);
                        clauseStart = true;
                        EndNegation(ref neg, hits, clauseHitStart, ref hitCount, si);
                        pending = 1f; pendingLeft = 0;
                        clauseHitStart = hitCount;
                        if (contrast == 2) contrast = 1;
                    }
                    continue;
                }
                float prior;
                SentimentCues cues = SentimentCues.None;
                bool elongated = false;
                int span = 1;
                switch (tok.Kind)
                {
                    case TokenKind.Word:
                    {
                        if (raw.Length > MaxWord) { Tick(ref neg, hits, clauseHitStart, ref hitCount, si, ref pending, ref pendingLeft); continue; }
                        // Most words are already lower-case ASCII: look them up in place.
                        ReadOnlySpan<char> word = System.Text.Ascii.IsValid(raw) && !raw.ContainsAnyInRange('A', 'Z')
                            ? raw : lower[..raw.ToLowerInvariant(lower)];
                        _words.TryGetValue(word, out var entry);
                        bool atClauseStart = clauseStart;
                        clauseStart = false;
                        if (entry.Phrases != 0 && MatchPhrase(text, tokens, t, end, entry.Phrases, alt, out prior, out span))
                        {
                            cues = SentimentCues.Phrase;
                            if (prior != 0) goto Score;
                            // A formula ("vervelend om te horen", "dank voor je melding"): kept with weight 0 so that the
                            // explanation shows why its words did not count.
                            hits[hitCount++] = new Hit { Token = t, Span = span, Sentence = si, Cues = cues, Carry = 1f };
                            t += span - 1;
                            continue;
                        }
                        var cue = entry.Cue;
                        switch (cue.Kind)
                        {
                            case SentimentCueKind.Negator when t + 1 < end && word.SequenceEqual("nooit") && Lower(text, tokens[t + 1], alt) is "zo":
                                // "nog nooit zo druk": an intensifier, not a negation.
                                pending *= 1.5f; pendingLeft = 3;
                                continue;
                            case SentimentCueKind.Negator:
                                EndNegation(ref neg, hits, clauseHitStart, ref hitCount, si);
                                neg = new Negation { Left = o.NegationScope, Factor = cue.Factor, Used = false, Token = t };
                                continue;
                            case SentimentCueKind.Excess:
                                excessToken = t + 1;
                                excessFactor = cue.Factor;
                                continue;
                            case SentimentCueKind.Scalar when excessToken == t:
                                prior = o.ExcessScalar;
                                cues = SentimentCues.Excess;
                                goto Score;
                            case SentimentCueKind.Intensifier:
                            case SentimentCueKind.Downtoner:
                                if (SentimentFollows(text, tokens, t + 1, end, alt))
                                {
                                    pending *= cue.Factor; pendingLeft = 2;
                                    continue;
                                }
                                break;
                            case SentimentCueKind.ContrastConjunction:
                                if (IsContrastiveMaar(text, tokens, t, first, end, alt))
                                {
                                    EndNegation(ref neg, hits, clauseHitStart, ref hitCount, si);
                                    if (t == first) Carry(hits, prevSentenceHitStart, sentenceHitStart, o.BeforeContrast);
                                    Scale(hits, t == first ? prevSentenceHitStart : sentenceHitStart, hitCount, o.BeforeContrast, SentimentCues.BeforeContrast);
                                    contrast = 1; clauseHitStart = hitCount; pending = 1f; pendingLeft = 0;
                                    continue;
                                }
                                break;
                            case SentimentCueKind.ContrastAdverb:
                                Carry(hits, prevSentenceHitStart, sentenceHitStart, o.BeforeContrast);
                                Scale(hits, prevSentenceHitStart, sentenceHitStart, o.BeforeContrast, SentimentCues.BeforeContrast);
                                Scale(hits, sentenceHitStart, hitCount, o.AfterContrast, SentimentCues.AfterContrast);
                                contrast = 1;
                                continue;
                            case SentimentCueKind.Concessive:
                                Scale(hits, sentenceHitStart, hitCount, o.AfterContrast, SentimentCues.AfterContrast);
                                contrast = 2;
                                continue;
                            case SentimentCueKind.Report:
                                report = Math.Min(report, cue.Factor);
                                continue;
                            case SentimentCueKind.Boundary:
                                EndNegation(ref neg, hits, clauseHitStart, ref hitCount, si);
                                pending = 1f; pendingLeft = 0;
                                clauseHitStart = hitCount;
                                continue;
                            case SentimentCueKind.Preposition when neg.Left > 0 && t - neg.Token > 1:
                                // "geen reactie op mijn klacht": the negation is of the noun before the preposition.
                                EndNegation(ref neg, hits, clauseHitStart, ref hitCount, si);
                                break;
                            case SentimentCueKind.Recurrence:
                            {
                                int strength = RecurrenceStrength(cue.Factor, question, text, tokens, t, first, end, alt);
                                // "het weer", "mooi weer": the weather, not "again".
                                if (cue.Factor == SentimentRecurrence.Weak && t > first
                                    && (Lower(text, tokens[t - 1], alt) is "het" || (hitCount > sentenceHitStart && hits[hitCount - 1].Token + Math.Max(1, hits[hitCount - 1].Span) == t)))
                                    strength = 0;
                                if (strength > recurrence) { recurrence = strength; recurrenceToken = t; }
                                if (cue.Factor == SentimentRecurrence.Impatience && strength == 2)
                                {
                                    // Impatience ("wanneer wordt het eindelijk eens …?"), not relief: the lexicon value does not count.
                                    Tick(ref neg, hits, clauseHitStart, ref hitCount, si, ref pending, ref pendingLeft);
                                    continue;
                                }
                                break;
                            }
                            case SentimentCueKind.Period:
                                if (IsLongWait(text, tokens, t, first, word, alt) && recurrence < 2) { recurrence = 2; recurrenceToken = t; }
                                break;
                            case SentimentCueKind.Elapsed:
                                elapsed = true;
                                break;
                            case SentimentCueKind.IronyMarker:
                                if (IronyMarkerAt(tokens, t, end, hits[clauseHitStart..hitCount])) ironyCandidates |= MarkIrony(hits[clauseHitStart..hitCount]);
                                break;
                            case SentimentCueKind.InformationQuestion when question && atClauseStart && informationFrom < 0:
                                // "Hoe kan het dat …?" and "Hoe vaak …?" are rhetorical, not requests for information.
                                if (!(word.SequenceEqual("hoe") && t + 1 < end && Lower(text, tokens[t + 1], alt) is "kan" or "kon" or "vaak"))
                                    informationFrom = hitCount;
                                break;
                            case SentimentCueKind.ComplaintQuestion when question:
                                complaintToken = t;
                                break;
                        }
                        if (IsNameLike(text, tokens, t, first, raw)) { Tick(ref neg, hits, clauseHitStart, ref hitCount, si, ref pending, ref pendingLeft); continue; }
                        if (entry.InLexicon) prior = entry.Value;
                        else if (!LookUpWord(word, alt, out prior, out cues, out elongated, formKnownAbsent: true))
                        {
                            Tick(ref neg, hits, clauseHitStart, ref hitCount, si, ref pending, ref pendingLeft);
                            continue;
                        }
                        if (raw.Length >= 3 && IsAllCaps(raw))
                        {
                            if (capsState == 0) capsState = MostlyCaps(text) ? 1 : 2;
                            if (capsState == 2) cues |= SentimentCues.Capitals;
                        }
                        break;
                    }
                    case TokenKind.Hashtag:
                    {
                        if (raw.Length > MaxWord || !LookUpHashtag(raw, lower, alt, out prior, out cues)) continue;
                        break;
                    }
                    case TokenKind.Emoji:
                    {
                        if (IsEyeRoll(raw)) eyeRoll = true;
                        if (!LookUpEmoji(raw, lower, out prior)) continue;
                        cues = SentimentCues.Emoji;
                        break;
                    }
                    case TokenKind.Emoticon:
                    {
                        if (raw.Length > MaxWord) continue;
                        if (!Lexicon.TryGetValue(raw, out prior))
                        {
                            int n = raw.ToLowerInvariant(lower);
                            if (!Lexicon.TryGetValue(lower[..n], out prior)) continue;
                        }
                        cues = SentimentCues.Emoji;
                        break;
                    }
                    default:
                        continue;
                }
                Score:
                if (prior == 0) { Tick(ref neg, hits, clauseHitStart, ref hitCount, si, ref pending, ref pendingLeft); continue; }

                double w = prior;
                if ((cues & SentimentCues.Compound) != 0) w *= o.Compound;
                if (pending != 1f)
                {
                    w *= pending;
                    cues |= pending > 1f ? SentimentCues.Intensified : SentimentCues.Downtoned;
                    pending = 1f; pendingLeft = 0;
                }
                if (excessToken == t && (cues & SentimentCues.Excess) == 0 && !EndsInEn(raw))
                {
                    // "te makkelijk", "te laat": too much of a good thing is bad, too much of a bad thing worse.
                    w *= prior > 0 ? -excessFactor : 1f + excessFactor / 2;
                    cues |= SentimentCues.Excess;
                }
                if (neg.Left > 0)
                {
                    w *= neg.Factor;
                    cues |= SentimentCues.Negated;
                    neg.Used = true;
                }
                if (elongated) { w *= o.Elongation; cues |= SentimentCues.Elongated; }
                if ((cues & SentimentCues.Capitals) != 0) w *= o.Capitals;
                if (contrast == 1) { w *= o.AfterContrast; cues |= SentimentCues.AfterContrast; }
                else if (contrast == 2) { w *= o.BeforeContrast; cues |= SentimentCues.BeforeContrast; }
                if (anyQuoted && quoted[t]) { w *= o.Quoted; cues |= SentimentCues.Quoted; }
                // Praise in scare quotes ("die nieuwe 'verkeersveilige' inrichting") is ironic if the text criticises.
                bool scareQuoted = anyQuoted && scare[t] && w > 0;
                ironyCandidates |= scareQuoted;
                hits[hitCount++] = new Hit { Token = t, Span = span, Sentence = si, Prior = prior, Weight = w, Cues = cues, Carry = 1f, IronyCandidate = scareQuoted };
                if (neg.Left > 0 && --neg.Left == 0) EndNegation(ref neg, hits, clauseHitStart, ref hitCount, si);
                t += span - 1;
            }
            EndNegation(ref neg, hits, clauseHitStart, ref hitCount, si);

            // "Precies drie jaar geleden alweer": time flies, nothing recurs.
            if (elapsed && recurrence == 2) recurrence = 1;
            if (recurrence > 0)
            {
                // "Alweer", "nog steeds", "al weken", "weer vol": the sentence complains that a problem recurs or lasts.
                bool praise = false;
                for (int i = sentenceHitStart; i < hitCount; i++)
                {
                    if (hits[i].Weight < 0) { hits[i].Weight *= o.RecurrenceBoost; hits[i].Cues |= SentimentCues.Recurrence; }
                    else if (hits[i].Weight > 0) praise = true;
                }
                if (o.Fault != 0)
                    for (int t = first; t < end; t++)
                        if (IsFault(text, tokens, t, end, alt))
                            hits[hitCount++] = new Hit { Token = t, Sentence = si, Weight = o.Fault, Cues = SentimentCues.Recurrence, Carry = 1f };
                if (recurrence == 2)
                {
                    strongRecurrence = true;
                    if (!praise && o.Recurrence != 0)
                        hits[hitCount++] = new Hit { Token = recurrenceToken, Sentence = si, Weight = o.Recurrence, Cues = SentimentCues.Recurrence, Carry = 1f };
                }
            }
            // "Waarom is de milieustraat op zaterdag dicht?": a why-question to someone is a complaint.
            if (complaintToken >= 0 && o.ComplaintQuestion != 0)
                hits[hitCount++] = new Hit { Token = complaintToken, Sentence = si, Weight = o.ComplaintQuestion, Carry = 1f };

            float sentenceFactor = 1f;
            SentimentCues sentenceCues = SentimentCues.None;
            if (exclamations > 0) { sentenceFactor *= 1f + o.ExclamationStep * Math.Min(exclamations, 3); sentenceCues |= SentimentCues.Exclamation; }
            if (question)
            {
                // A question puts praise in doubt (rhetorical questions criticise); it leaves criticism as it is.
                for (int i = sentenceHitStart; i < hitCount; i++)
                {
                    hits[i].Weight *= hits[i].Weight > 0 ? o.QuestionPositive : o.QuestionNegative;
                    hits[i].Cues |= SentimentCues.Question;
                }
                // "Wanneer wordt het grofvuil opgehaald?": a request for information, unless it complains of a recurrence.
                if (informationFrom >= 0 && recurrence == 0 && complaintToken < 0)
                    Scale(hits, informationFrom, hitCount, o.InformationQuestion, SentimentCues.InformationQuestion);
            }
            if (report < 1f) { sentenceFactor *= report; sentenceCues |= SentimentCues.Reported; }
            if (sentenceCues != SentimentCues.None) Scale(hits, sentenceHitStart, hitCount, sentenceFactor, sentenceCues);
            prevSentenceHitStart = sentenceHitStart;
        }
        if ((ironyCandidates || eyeRoll) && o.Irony != 0) ApplyIrony(hits[..hitCount], eyeRoll, strongRecurrence, o.Irony);
        s.HitCount = hitCount;
        return s;
    }

    // Praise marked as possibly ironic ("Top hoor,", "Goed geregeld weer,", praise trailing off in "...", a scare-quoted
    // word) is ironic when the text also criticises or complains of a recurrence; an eye-roll emoji makes all praise ironic.
    private static void ApplyIrony(Span<Hit> hits, bool eyeRoll, bool recurrence, float factor)
    {
        bool criticism = eyeRoll || recurrence;
        for (int i = 0; i < hits.Length && !criticism; i++) criticism = hits[i].Weight < 0;
        if (!criticism) return;
        foreach (ref var h in hits)
        {
            if (h.Weight <= 0 || !(eyeRoll || h.IronyCandidate)) continue;
            h.Weight *= -factor;
            h.Cues |= SentimentCues.Ironic;
        }
    }

    private static bool MarkIrony(Span<Hit> clauseHits)
    {
        bool any = false;
        foreach (ref var h in clauseHits)
            if (h.Weight > 0) { h.IronyCandidate = true; any = true; }
        return any;
    }

    // "Top hoor,", "Lekker dan.", "Goed geregeld weer,": the particle follows the clause's last praise directly and ends the clause.
    private static bool IronyMarkerAt(ReadOnlySpan<Token> tokens, int t, int end, ReadOnlySpan<Hit> clauseHits)
    {
        if (clauseHits.Length == 0) return false;
        var last = clauseHits[^1];
        if (last.Weight <= 0 || last.Token + Math.Max(1, last.Span) != t) return false;
        return t + 1 >= end || tokens[t + 1].Kind is TokenKind.Punctuation or TokenKind.Emoji;
    }

    private bool IsEyeRoll(ReadOnlySpan<char> emoji) =>
        Cues.Get(emoji).Kind == SentimentCueKind.IronyEmoji
        || (emoji.Length > 2 && char.IsHighSurrogate(emoji[0]) && Cues.Get(emoji[..2]).Kind == SentimentCueKind.IronyEmoji);

    // 2 strong, 1 weak, 0 none. "weer eens" and "steeds weer" are strong; "steeds"/"altijd" count only after "nog";
    // "eindelijk" is impatience in a question or before "eens" ("wordt het eindelijk eens gerepareerd?"), else relief.
    private static int RecurrenceStrength(float kind, bool question, ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t, int first, int end, Span<char> buffer)
    {
        bool eensNext = t + 1 < end && Lower(text, tokens[t + 1], buffer) is "eens";
        return kind switch
        {
            SentimentRecurrence.Weak => eensNext || (t > first && Lower(text, tokens[t - 1], buffer) is "steeds") ? 2 : 1,
            SentimentRecurrence.AfterNog => t > first && Lower(text, tokens[t - 1], buffer) is "nog" ? 2 : 0,
            SentimentRecurrence.Impatience => question || eensNext ? 2 : 0,
            _ => 2,
        };
    }

    // "al weken", "al 3 keer", "al een paar dagen", "voor de derde keer": how long a problem has lasted.
    private static bool IsLongWait(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t, int first, ReadOnlySpan<char> word, Span<char> buffer)
    {
        for (int k = t - 1; k >= first && k >= t - 3; k--)
        {
            var w = Lower(text, tokens[k], buffer);
            if (w is "al") return true;
            bool count = tokens[k].Kind == TokenKind.Number
                || w is "een" or "paar" or "twee" or "drie" or "vier" or "vijf" or "zes" or "zeven" or "acht" or "negen" or "tien"
                    or "elf" or "twaalf" or "vele" or "zoveel" or "ruim" or "bijna" or "ettelijke" or "enkele" or "meerdere";
            if (!count) break;
        }
        if (!word.SequenceEqual("keer") || t == first) return false;
        var prev = Lower(text, tokens[t - 1], buffer);
        return prev.Length >= 5 && (prev.EndsWith("de") || prev.EndsWith("ste")) && prev is not ("eerste" or "laatste" or "volgende");
    }

    // A fault word counts only at the end of what is said of it: "weer vol", "weer vol met afval", not "weer een stuk beter".
    private bool IsFault(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t, int end, Span<char> buffer)
    {
        if (tokens[t].Kind != TokenKind.Word || Cues.Get(Lower(text, tokens[t], buffer)).Kind != SentimentCueKind.Fault) return false;
        if (t + 1 >= end || tokens[t + 1].Kind != TokenKind.Word) return true;
        var next = Lower(text, tokens[t + 1], buffer);
        return Cues.Get(next).Kind == SentimentCueKind.Boundary || next is "met" or "door" or "sinds" or "vandaag" or "nu" or "hoor";
    }

    // The longest lexicon phrase that starts at token t ("vol vertrouwen", "aan te raden"): its value and length in tokens.
    private bool MatchPhrase(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t, int end, int group, Span<char> buffer, out float value, out int span)
    {
        foreach (var p in _phrases[group - 1])
        {
            if (t + p.Rest.Length >= end) continue;
            int i = 0;
            while (i < p.Rest.Length && Lower(text, tokens[t + 1 + i], buffer).SequenceEqual(p.Rest[i])) i++;
            if (i < p.Rest.Length) continue;
            value = p.Value;
            span = i + 1;
            return true;
        }
        value = 0;
        span = 1;
        return false;
    }

    private static void Carry(Span<Hit> hits, int from, int to, float factor)
    {
        for (int i = from; i < to; i++) hits[i].Carry *= factor;
    }

    private static void Scale(Span<Hit> hits, int from, int to, float factor, SentimentCues cue)
    {
        for (int i = from; i < to; i++)
        {
            hits[i].Weight *= factor;
            hits[i].Cues |= cue;
        }
    }

    private struct Negation
    {
        public int Left;
        public int Token;
        public float Factor;
        public bool Used;
    }

    // A word that is not sentiment-bearing uses up one word of a pending negation or intensifier.
    private void Tick(ref Negation neg, Span<Hit> hits, int clauseHitStart, ref int hitCount, int sentence, ref float pending, ref int pendingLeft)
    {
        if (neg.Left > 0 && --neg.Left == 0) EndNegation(ref neg, hits, clauseHitStart, ref hitCount, sentence);
        if (pendingLeft > 0 && --pendingLeft == 0) pending = 1f;
    }

    // Closes a negation scope. A negator that found nothing after it in its clause negates the sentiment word
    // just before it (Dutch puts "niet" after the verb: "dat helpt niet", "ik vertrouw het niet"); one that
    // negates nothing at all still leans negative ("dat kan niet", "geen mondkapjes").
    private void EndNegation(ref Negation neg, Span<Hit> hits, int clauseHitStart, ref int hitCount, int sentence)
    {
        if (neg.Token >= 0 && !neg.Used)
        {
            bool done = false;
            if (hitCount > clauseHitStart)
            {
                ref var last = ref hits[hitCount - 1];
                // Only praise is negated backwards ("mooi is het niet"); a negative noun before "niet" is
                // rarely what is negated ("de crisis niet via het ESM").
                if (last.Token < neg.Token && neg.Token - last.Token <= 3 && last.Prior > 0 && (last.Cues & SentimentCues.Negated) == 0)
                {
                    last.Weight *= neg.Factor;
                    last.Cues |= SentimentCues.Negated;
                    done = true;
                }
            }
            if (!done && Options.BareNegation != 0)
                hits[hitCount++] = new Hit { Token = neg.Token, Sentence = sentence, Prior = 0, Weight = Options.BareNegation, Cues = SentimentCues.Negated, Carry = 1f };
        }
        neg.Used = true;
        neg.Left = 0;
    }

    private static bool EndsInEn(ReadOnlySpan<char> w) => w.Length > 3 && w.EndsWith("en", StringComparison.OrdinalIgnoreCase);

    private bool LookUpWord(ReadOnlySpan<char> word, Span<char> alt, out float prior, out SentimentCues cues, out bool elongated, bool formKnownAbsent = false)
    {
        cues = SentimentCues.None;
        elongated = false;
        if (formKnownAbsent ? Lexicon.TryGetByStem(word, out prior, out bool viaStem) : Lexicon.TryGetWord(word, out prior, out viaStem))
        {
            if (viaStem) cues |= SentimentCues.Stem;
            return true;
        }
        if (HasElongation(word))
        {
            elongated = true;
            for (int keep = 2; keep >= 1; keep--)
            {
                int n = SquashRuns(word, alt, keep);
                if (Lexicon.TryGetWord(alt[..n], out prior, out viaStem))
                {
                    if (viaStem) cues |= SentimentCues.Stem;
                    return true;
                }
            }
            return false;
        }
        if (Options.MatchCompounds && word.Length >= 8)
        {
            for (int i = 3; i <= word.Length - 5; i++)
            {
                if (Lexicon.TryGetValue(word[i..], out prior) && Math.Abs(prior) >= 0.3f && IsLetterRun(word[i..]))
                {
                    cues |= SentimentCues.Compound;
                    return true;
                }
            }
        }
        prior = 0;
        return false;
    }

    private bool LookUpHashtag(ReadOnlySpan<char> raw, Span<char> lower, Span<char> alt, out float prior, out SentimentCues cues)
    {
        int n = raw.ToLowerInvariant(lower);
        cues = SentimentCues.Hashtag;
        if (Lexicon.TryGetValue(lower[..n], out prior)) return true;
        if (n < 4) return false;
        if (LookUpWord(lower[1..n], alt, out prior, out var c, out _))
        {
            cues |= c;
            return true;
        }
        return false;
    }

    private bool LookUpEmoji(ReadOnlySpan<char> raw, Span<char> buffer, out float prior)
    {
        if (Lexicon.TryGetValue(raw, out prior)) return true;
        // Drop variation selectors and skin tones; then try the first emoji of a ZWJ sequence.
        int n = 0;
        for (int i = 0; i < raw.Length && n < buffer.Length - 1; i++)
        {
            char c = raw[i];
            if (c == '\uFE0F' || c == '\uFE0E') continue;
            if (c == '\uD83C' && i + 1 < raw.Length && raw[i + 1] >= '\uDFFB' && raw[i + 1] <= '\uDFFF') { i++; continue; }
            if (c == '\u200D') break;
            buffer[n++] = c;
        }
        return n > 0 && Lexicon.TryGetValue(buffer[..n], out prior);
    }

    // Looks ahead (past one more intensifier) for a sentiment-bearing word: "heel erg mooi", "vreselijk mooi".
    private bool SentimentFollows(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int from, int end, Span<char> buffer)
    {
        Span<char> scratch = stackalloc char[MaxWord];
        for (int t = from; t < end && t < from + 2; t++)
        {
            var tok = tokens[t];
            if (tok.Kind is not (TokenKind.Word or TokenKind.Hashtag)) return false;
            var raw = tok.Slice(text);
            if (raw.Length > MaxWord) return false;
            int n = raw.ToLowerInvariant(buffer);
            var word = buffer[..n];
            var kind = Cues.Get(word).Kind;
            if (kind is SentimentCueKind.Intensifier or SentimentCueKind.Downtoner)
            {
                if (Lexicon.TryGetWord(word, out var v0, out _) && v0 != 0 && t + 1 >= end) return true;
                continue;
            }
            if (kind != SentimentCueKind.None) return false;
            return LookUpWord(word, scratch, out var v, out _, out _) && v != 0;
        }
        return false;
    }

    // "maar" is contrastive except as a particle: "alleen maar", "maar liefst", "maar ook", "maar even", "maar één".
    private static bool IsContrastiveMaar(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t, int first, int end, Span<char> buffer)
    {
        if (t > first && Lower(text, tokens[t - 1], buffer) is "alleen") return false;
        if (t + 1 < end && Lower(text, tokens[t + 1], buffer) is "liefst" or "ook" or "even" or "eens" or "één" or "een" or "zo" or "dan" or "raak" or "net") return false;
        return t + 1 < end;
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> text, Token token, Span<char> buffer)
    {
        var raw = token.Slice(text);
        if (token.Kind != TokenKind.Word || raw.Length > buffer.Length) return default;
        int n = raw.ToLowerInvariant(buffer);
        return buffer[..n];
    }

    // A capitalised word inside a sentence, right after another word, is most likely a name ("woonplaats Goor",
    // "minister Blok"): it is not looked up. All-capitals words are shouting, not names.
    private static bool IsNameLike(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t, int first, ReadOnlySpan<char> raw)
    {
        if (t == first || raw.Length < 2 || !char.IsUpper(raw[0]) || !char.IsLower(raw[1])) return false;
        var prev = tokens[t - 1].Kind;
        return prev is TokenKind.Word or TokenKind.Number or TokenKind.Mention or TokenKind.Clitic || (prev == TokenKind.Punctuation && tokens[t - 1].Slice(text) is ",");
    }

    private static bool IsClauseMark(ReadOnlySpan<char> p)
    {
        foreach (char c in p)
            if (c is ',' or ';' or ':' or '(' or ')' or '-' or '–' or '—' or '.' or '!' or '?' or '…') return true;
        return false;
    }

    private static bool HasElongation(ReadOnlySpan<char> w)
    {
        for (int i = 2; i < w.Length; i++)
            if (w[i] == w[i - 1] && w[i] == w[i - 2] && char.IsLetter(w[i])) return true;
        return false;
    }

    private static int SquashRuns(ReadOnlySpan<char> w, Span<char> dest, int keep)
    {
        int n = 0;
        for (int i = 0; i < w.Length; i++)
        {
            int run = 1;
            while (i + run < w.Length && w[i + run] == w[i]) run++;
            int copies = run >= 3 && char.IsLetter(w[i]) ? keep : run;
            for (int k = 0; k < copies; k++) dest[n++] = w[i];
            i += run - 1;
        }
        return n;
    }

    private static bool IsLetterRun(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (!char.IsLetter(c)) return false;
        return true;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> w)
    {
        bool any = false;
        foreach (char c in w)
        {
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) any = true;
        }
        return any;
    }

    private static bool MostlyCaps(ReadOnlySpan<char> text)
    {
        int upper = 0, lower = 0;
        foreach (char c in text)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
        }
        return upper > lower;
    }

    // Marks tokens between matching quotation marks, and as scare-quoted those of a quotation of one or two words. Returns whether any token is quoted.
    private static bool MarkQuoted(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<bool> quoted, Span<bool> scare)
    {
        quoted.Clear();
        scare.Clear();
        bool any = false;
        int open = -1;
        char openChar = '\0';
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind != TokenKind.Punctuation) continue;
            var p = tokens[t].Slice(text);
            char c = p[0];
            bool isQuote = c is '"' or '“' or '”' or '„' or '‘' or '’' or '«' or '»' || p.SequenceEqual(",,") || p.SequenceEqual("''");
            if (!isQuote) continue;
            bool closes = open >= 0 && (c is '"' or '”' or '»' or '’' || (c == '\'' && openChar is '\'' or ',') || (c == '“' && openChar == '„'));
            if (closes)
            {
                if (t - open > 1)
                {
                    quoted[(open + 1)..t].Fill(true);
                    if (t - open <= 3) scare[(open + 1)..t].Fill(true);
                    any = true;
                }
                open = -1;
            }
            else if (c is not ('”' or '’' or '»'))
            {
                open = t;
                openChar = c;
            }
        }
        return any;
    }
}

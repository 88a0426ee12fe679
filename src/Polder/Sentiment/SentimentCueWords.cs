using System.Collections.Frozen;
using System.Globalization;

namespace Polder.Sentiment;

/// <summary>What a rule word does to the sentiment around it.</summary>
public enum SentimentCueKind : byte
{
    /// <summary>Not a rule word.</summary>
    None,
    /// <summary>Flips the polarity of what follows in its clause (<c>niet</c>, <c>geen</c>, <c>nooit</c>).</summary>
    Negator,
    /// <summary>Strengthens the next sentiment word (<c>heel</c>, <c>erg</c>).</summary>
    Intensifier,
    /// <summary>Weakens the next sentiment word (<c>beetje</c>, <c>nogal</c>).</summary>
    Downtoner,
    /// <summary>A contrastive conjunction (<c>maar</c>): the clause after it weighs more than the one before.</summary>
    ContrastConjunction,
    /// <summary>A contrastive adverb (<c>echter</c>): this sentence weighs more than the previous one.</summary>
    ContrastAdverb,
    /// <summary>A concessive (<c>hoewel</c>, <c>ondanks</c>): its own clause weighs less, the main clause more.</summary>
    Concessive,
    /// <summary>Introduces reported speech (<c>volgens</c>, <c>zegt</c>): the sentence weighs less.</summary>
    Report,
    /// <summary>Ends a negation scope (<c>en</c>, <c>omdat</c>).</summary>
    Boundary,
    /// <summary>Excessive <c>te</c>: the adjective after it is too much (<c>te makkelijk</c>, <c>te laat</c>).</summary>
    Excess,
    /// <summary>A neutral scalar adjective that turns negative after <c>te</c> (<c>veel</c>, <c>laat</c>, <c>duur</c>).</summary>
    Scalar,
    /// <summary>
    /// Something happens again or still (<c>alweer</c>, <c>weer</c>, <c>nog steeds</c>): criticism in the sentence
    /// weighs more; see <see cref="SentimentRecurrence"/> for the strength.
    /// </summary>
    Recurrence,
    /// <summary>A time word (<c>weken</c>, <c>keer</c>) that is a strong recurrence after <c>al</c> (<c>al weken</c>, <c>al 3 keer</c>) or an ordinal (<c>de derde keer</c>).</summary>
    Period,
    /// <summary>A preposition: ends a negation scope that has passed its first word (<c>geen reactie op mijn klacht</c>).</summary>
    Preposition,
    /// <summary>Says that time has passed (<c>geleden</c>): a strong recurrence in its sentence is only weak (<c>drie jaar geleden alweer</c>).</summary>
    Elapsed,
    /// <summary>A neutral state that reports a fault in a sentence with a recurrence (<c>De container is weer vol.</c>).</summary>
    Fault,
    /// <summary>A particle right after praise that can make it ironic (<c>Top hoor,</c> <c>Lekker dan,</c>).</summary>
    IronyMarker,
    /// <summary>An emoji that makes praise in its text ironic (<c>🙄</c>, <c>😒</c>).</summary>
    IronyEmoji,
    /// <summary>Opens a question that asks for information (<c>Wanneer wordt …?</c>, <c>Kan ik …?</c>): its sentiment weighs less.</summary>
    InformationQuestion,
    /// <summary>A question word that makes the question a complaint (<c>waarom</c>, <c>hoezo</c>).</summary>
    ComplaintQuestion,
}

/// <summary>How a <see cref="SentimentCueKind.Recurrence"/> word counts (the cue's <see cref="SentimentCue.Factor"/>).</summary>
public static class SentimentRecurrence
{
    /// <summary>Only strengthens criticism and turns fault words negative (<c>weer</c>, <c>opnieuw</c>).</summary>
    public const float Weak = 1;
    /// <summary>A complaint on its own (<c>alweer</c>, <c>wéér</c>).</summary>
    public const float Strong = 2;
    /// <summary>Strong after <c>nog</c> (<c>nog steeds</c>, <c>nog altijd</c>), otherwise nothing.</summary>
    public const float AfterNog = 3;
    /// <summary>Strong in a question or before <c>eens</c> (<c>eindelijk</c>), otherwise its lexicon value (relief).</summary>
    public const float Impatience = 4;
}

/// <summary>One rule word: its kind and its factor (multiplier for negators, intensifiers, downtoners, reports).</summary>
/// <param name="Kind">What it does.</param>
/// <param name="Factor">How strongly.</param>
public readonly record struct SentimentCue(SentimentCueKind Kind, float Factor);

/// <summary>
/// The rule words of the analyser (negators, intensifiers, downtoners, contrast, reported speech, clause
/// boundaries), looked up by lower-case word. Immutable and thread-safe. The default list is the embedded
/// <c>cues-nl.tsv</c> (nlp.js's negations, MIT, plus Polder's own words).
/// </summary>
public sealed class SentimentCueWords
{
    private static readonly Lazy<SentimentCueWords> LazyDefault = new(() =>
    {
        using var s = SentimentLexicon.OpenResource("cues-nl.tsv");
        return Load(s);
    });

    private readonly FrozenDictionary<string, SentimentCue> _cues;
    private readonly FrozenDictionary<string, SentimentCue>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>The embedded default rule words.</summary>
    public static SentimentCueWords Default => LazyDefault.Value;

    /// <summary>Builds the table from lower-case words and their cues.</summary>
    public SentimentCueWords(IEnumerable<KeyValuePair<string, SentimentCue>> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var d = new Dictionary<string, SentimentCue>(StringComparer.Ordinal);
        foreach (var (k, v) in cues) d[k.Trim().ToLowerInvariant()] = v;
        _cues = d.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _cues.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The rule words.</summary>
    public IReadOnlyDictionary<string, SentimentCue> Entries => _cues;

    /// <summary>The cue of a lower-case word, or a cue of kind <see cref="SentimentCueKind.None"/>.</summary>
    public SentimentCue Get(ReadOnlySpan<char> lowerCaseWord) =>
        _lookup.TryGetValue(lowerCaseWord, out var c) ? c : default;

    /// <summary>
    /// Reads <c>word&lt;TAB&gt;kind&lt;TAB&gt;value</c> lines; kinds: negator, intensifier, downtoner, contrast
    /// (value conjunction, adverb or concessive), report, boundary, excess, scalar, recurrence (value strong, weak,
    /// after-nog or impatience), period, elapsed, preposition, fault, irony (value marker or emoji), question (value information or
    /// complaint). Lines starting with <c>#</c> are comments.
    /// </summary>
    /// <exception cref="InvalidDataException">A malformed line.</exception>
    public static SentimentCueWords Load(Stream stream)
    {
        var list = new List<KeyValuePair<string, SentimentCue>>();
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, true, leaveOpen: true);
        int lineNo = 0;
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length != 3) throw new InvalidDataException($"sentiment cue line {lineNo}: expected 'word<TAB>kind<TAB>value', got '{line}'");
            SentimentCue cue = f[1] switch
            {
                "negator" => new(SentimentCueKind.Negator, Number(f[2], lineNo)),
                "intensifier" => new(SentimentCueKind.Intensifier, Number(f[2], lineNo)),
                "downtoner" => new(SentimentCueKind.Downtoner, Number(f[2], lineNo)),
                "report" => new(SentimentCueKind.Report, Number(f[2], lineNo)),
                "boundary" => new(SentimentCueKind.Boundary, 0),
                "excess" => new(SentimentCueKind.Excess, Number(f[2], lineNo)),
                "scalar" => new(SentimentCueKind.Scalar, 0),
                "period" => new(SentimentCueKind.Period, 0),
                "fault" => new(SentimentCueKind.Fault, 0),
                "elapsed" => new(SentimentCueKind.Elapsed, 0),
                "preposition" => new(SentimentCueKind.Preposition, 0),
                "recurrence" => f[2] switch
                {
                    "weak" => new(SentimentCueKind.Recurrence, SentimentRecurrence.Weak),
                    "strong" => new(SentimentCueKind.Recurrence, SentimentRecurrence.Strong),
                    "after-nog" => new(SentimentCueKind.Recurrence, SentimentRecurrence.AfterNog),
                    "impatience" => new(SentimentCueKind.Recurrence, SentimentRecurrence.Impatience),
                    _ => throw new InvalidDataException($"sentiment cue line {lineNo}: recurrence must be weak, strong, after-nog or impatience"),
                },
                "irony" => f[2] switch
                {
                    "marker" => new(SentimentCueKind.IronyMarker, 0),
                    "emoji" => new(SentimentCueKind.IronyEmoji, 0),
                    _ => throw new InvalidDataException($"sentiment cue line {lineNo}: irony must be marker or emoji"),
                },
                "question" => f[2] switch
                {
                    "information" => new(SentimentCueKind.InformationQuestion, 0),
                    "complaint" => new(SentimentCueKind.ComplaintQuestion, 0),
                    _ => throw new InvalidDataException($"sentiment cue line {lineNo}: question must be information or complaint"),
                },
                "contrast" => f[2] switch
                {
                    "conjunction" => new(SentimentCueKind.ContrastConjunction, 0),
                    "adverb" => new(SentimentCueKind.ContrastAdverb, 0),
                    "concessive" => new(SentimentCueKind.Concessive, 0),
                    _ => throw new InvalidDataException($"sentiment cue line {lineNo}: contrast must be conjunction, adverb or concessive"),
                },
                _ => throw new InvalidDataException($"sentiment cue line {lineNo}: unknown kind '{f[1]}'"),
            };
            list.Add(new(f[0], cue));
        }
        return new SentimentCueWords(list);
    }

    private static float Number(string s, int lineNo) =>
        float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
        : throw new InvalidDataException($"sentiment cue line {lineNo}: '{s}' is not a number");
}

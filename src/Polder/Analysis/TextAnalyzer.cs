using Polder.Language;
using Polder.Places;
using Polder.Sentiment;
using Polder.Text;
using Polder.Topics;

namespace Polder.Analysis;

/// <summary>
/// The text layer of one text in one call: language, then (for Dutch) sentiment, topic, complaint category and places.
/// <c>TextAnalyzer.Default.Analyze("Weer een volle container in Utrecht 😡")</c>. Immutable and thread-safe.
/// </summary>
public sealed class TextAnalyzer
{
    private static readonly Lazy<TextAnalyzer> LazyDefault = new(() => new TextAnalyzer());

    /// <summary>Creates an analyser; null arguments take the embedded defaults.</summary>
    public TextAnalyzer(SentimentAnalyzer? sentiment = null, TopicClassifier? topics = null, PlaceFinder? places = null, ComplaintClassifier? complaints = null,
        LanguageIdentifier? languages = null)
    {
        Languages = languages ?? LanguageIdentifier.Default;
        Sentiment = sentiment ?? SentimentAnalyzer.Default;
        Topics = topics ?? TopicClassifier.Themes;
        Places = places ?? PlaceFinder.Default;
        Complaints = complaints ?? ComplaintClassifier.Signalen;
    }

    /// <summary>The analyser with every embedded model (sentiment lexicon, themes model, Signalen taxonomy, gazetteer).</summary>
    public static TextAnalyzer Default => LazyDefault.Value;

    /// <summary>From <see cref="AnalysisOptions"/> (complaints off when the options switch them off).</summary>
    internal static TextAnalyzer From(AnalysisOptions o) => new(o.Sentiment, o.Topics, o.Places, o.Complaints, o.Languages) { _noComplaints = o.Complaints is null };

    private bool _noComplaints;

    /// <summary>The language identifier: only texts it does not place in another language reach the Dutch layers.</summary>
    public LanguageIdentifier Languages { get; }

    /// <summary>The sentiment analyser.</summary>
    public SentimentAnalyzer Sentiment { get; }

    /// <summary>The topic model.</summary>
    public TopicClassifier Topics { get; }

    /// <summary>The place finder.</summary>
    public PlaceFinder Places { get; }

    /// <summary>The complaint taxonomy.</summary>
    public ComplaintClassifier Complaints { get; }

    /// <summary>Analyses one text.</summary>
    public TextAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Analyze(TextDocument.Create(text));
    }

    /// <summary>Analyses one document: every layer reads its tokens, none tokenises the text again.</summary>
    public TextAnalysis Analyze(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var language = TextLanguages.Decide(Languages.Identify(document));
        // one text is its own community: a text without words is read for its emoji
        var reading = TextLanguages.ReadingOf(language, amongDutchPosts: true);
        if (reading == DutchReading.None)
            return new TextAnalysis(text, null, null, 0, null, [], language.Language, language.Confidence);
        var sentiment = Sentiment.Analyze(document);
        if (reading == DutchReading.SentimentOnly) return new TextAnalysis(text, sentiment, null, 0, null, [], language.Language, language.Confidence);
        var topic = Topics.Predict(document, 1);
        return new TextAnalysis(text, sentiment, topic.Label, topic.Confidence, ComplaintWithEvidence(document).Category, Places.Find(document),
            language.Language, language.Confidence);
    }

    /// <summary>The main complaint category and the words it rests on (empty without a category).</summary>
    internal (string? Category, IReadOnlyList<string> Evidence) ComplaintWithEvidence(TextDocument document)
    {
        if (_noComplaints) return (null, []);
        var c = Complaints.Classify(document);
        return c.Category is null ? (null, []) : (c.Category.MainName, c.Evidence.Where(e => e.Weight > 0).Select(e => e.Text).ToArray());
    }
}

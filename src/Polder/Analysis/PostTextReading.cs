using Polder.Community;
using Polder.Sentiment;
using Polder.Text;

namespace Polder.Analysis;

/// <summary>
/// What the text layer finds in one post on its own, before the decisions that need the whole community (the
/// language guess before the community's mix, the sentiment label, the predicted topic, the complaint category,
/// whether a place is named). A pure function of the post's title and text (<see cref="Of"/>), so a service can read a
/// batch in parallel, outside the state's lock, and hand the readings to <see cref="LiveTextState.Add(Post, PostTextReading)"/>.
/// Immutable.
/// </summary>
/// <param name="Language">The language guessed (ISO code), before the community's mix.</param>
/// <param name="Confidence">The guess's confidence, 0..1.</param>
/// <param name="Sentiment">The sentiment label.</param>
/// <param name="Topic">The predicted topic, or null.</param>
/// <param name="Complaint">The complaint category, or null.</param>
/// <param name="HasPlaces">Whether a place is named.</param>
public readonly record struct PostTextReading(string Language, double Confidence, SentimentLabel Sentiment, string? Topic, string? Complaint, bool HasPlaces)
{
    /// <summary>Reads <paramref name="post"/> with every layer of <paramref name="analyzer"/>, whatever the language. Thread-safe.</summary>
    public static PostTextReading Of(Post post, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(analyzer);
        var document = TextDocument.Create(post.TitleAndText);
        var guess = analyzer.Languages.Identify(document);
        var label = analyzer.Sentiment.LabelOf(analyzer.Sentiment.Score(document));
        var topic = analyzer.Topics.Predict(document, 1).Label;
        var (complaint, _) = analyzer.ComplaintWithEvidence(document);
        bool places = analyzer.Places.Find(document).Count > 0;
        return new PostTextReading(guess.Language, guess.Confidence, label, topic, complaint, places);
    }
}

using Polder.Sentiment;

namespace Polder.Behaviour.States;

/// <summary>
/// What the text layer found in one post, as a state counts it (the text itself is not kept).
/// </summary>
/// <param name="Analysed">True when the Dutch layers read the post (see <c>PostAnalysis.IsAnalysed</c>).</param>
/// <param name="Sentiment">Sentiment label, or null when not read.</param>
/// <param name="Topic">The topic counted for the post (the text layer counts the thread's topic), or null.</param>
/// <param name="Complaint">Complaint category, or null.</param>
/// <param name="HasPlaces">True when the text names a place.</param>
/// <param name="Language">The post's language code.</param>
public readonly record struct PostTextFacts(bool Analysed, SentimentLabel? Sentiment, string? Topic, string? Complaint, bool HasPlaces, string Language);

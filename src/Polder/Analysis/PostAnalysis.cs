using Polder.Community;
using Polder.Places;
using Polder.Sentiment;

namespace Polder.Analysis;

/// <summary>The text layer of one post. Immutable.</summary>
/// <param name="PostId">The post.</param>
/// <param name="AuthorId">Its author.</param>
/// <param name="ThreadId">Its thread.</param>
/// <param name="Time">When it was written.</param>
/// <param name="Kind">Post, reply, retweet or quote.</param>
/// <param name="Sentiment">Sentiment label.</param>
/// <param name="SentimentScore">Sentiment score in [-1, 1].</param>
/// <param name="Topic">The topic model's best label for the post's own text.</param>
/// <param name="TopicConfidence">The model's probability of <paramref name="Topic"/>.</param>
/// <param name="ThreadTopic">The topic of the thread's first post: what the conversation is about (used for topic shares and trends, so a short reply counts under the subject it answers).</param>
/// <param name="Complaint">Main complaint category (Signalen taxonomy), or null when the text matches none.</param>
/// <param name="Places">Places and municipalities named in the text.</param>
public sealed record PostAnalysis(string PostId, string AuthorId, string ThreadId, DateTimeOffset Time, PostKind Kind,
    SentimentLabel Sentiment, double SentimentScore, string Topic, float TopicConfidence, string ThreadTopic, string? Complaint,
    IReadOnlyList<PlaceMention> Places);

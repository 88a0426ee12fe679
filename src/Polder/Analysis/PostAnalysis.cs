using Polder.Community;
using Polder.Places;
using Polder.Sentiment;

namespace Polder.Analysis;

/// <summary>The text layer of one post. Immutable.</summary>
/// <remarks>
/// The Dutch layers (sentiment, topic, complaint category, places) read only posts that are not identified as another
/// language (<see cref="IsAnalysed"/>); for the others those fields are null or empty rather than a guess from a Dutch
/// model, and <see cref="Language"/> says why.
/// </remarks>
/// <param name="PostId">The post.</param>
/// <param name="AuthorId">Its author.</param>
/// <param name="ThreadId">Its thread.</param>
/// <param name="Time">When it was written.</param>
/// <param name="Kind">Post, reply, retweet or quote.</param>
/// <param name="Sentiment">Sentiment label, or null when the post is in another language.</param>
/// <param name="SentimentScore">Sentiment score in [-1, 1], or null when the post is in another language.</param>
/// <param name="Topic">The topic model's best label for the post's own text, or null when the post is in another language or has no words (only a link, emoji or mention).</param>
/// <param name="TopicConfidence">The model's probability of <paramref name="Topic"/> (0 without a topic).</param>
/// <param name="ThreadTopic">The topic of the thread's first analysed post: what the conversation is about (used for topic shares and trends, so a short reply counts under the subject it answers); null when no post of the thread was analysed.</param>
/// <param name="Complaint">Main complaint category (Signalen taxonomy), or null when the text gives too little evidence for one.</param>
/// <param name="Places">Places and municipalities named in the text.</param>
/// <param name="Language">The post's language: "nl", "en", another ISO 639-1 code, or "unknown" (too little text to tell).</param>
/// <param name="LanguageConfidence">The language identifier's confidence in <paramref name="Language"/>, 0 to 1.</param>
public sealed record PostAnalysis(string PostId, string AuthorId, string ThreadId, DateTimeOffset Time, PostKind Kind,
    SentimentLabel? Sentiment, double? SentimentScore, string? Topic, float TopicConfidence, string? ThreadTopic, string? Complaint,
    IReadOnlyList<PlaceMention> Places, string Language, double LanguageConfidence)
{
    /// <summary>The words of the text that gave <see cref="Complaint"/> its evidence, in text order (empty without a category).</summary>
    public IReadOnlyList<string> ComplaintEvidence { get; init; } = [];

    /// <summary>
    /// True when the Dutch layers read this post: it is Dutch, or it has no words (an emoji, a link) in a community with
    /// Dutch posts. Set by the text layer; a post in another language, or without words in a community without Dutch
    /// posts, is not read.
    /// </summary>
    public bool IsAnalysed { get; init; }
}

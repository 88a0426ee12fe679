using Polder.Places;
using Polder.Sentiment;

namespace Polder.Analysis;

/// <summary>What the text layer found in one text; shared by the posts with that text (see <see cref="PostAnalysis"/>).</summary>
internal sealed record PostTextResult(SentimentLabel? Sentiment, double? SentimentScore, string? Topic, float TopicConfidence, string? Complaint,
    IReadOnlyList<PlaceMention> Places, string Language, double LanguageConfidence, IReadOnlyList<string> ComplaintEvidence);

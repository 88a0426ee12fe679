namespace Polder.Analysis;

/// <summary>Sentiment of one topic in one window of time. Immutable.</summary>
/// <param name="Topic">The (thread) topic.</param>
/// <param name="WindowStart">First day of the window (analysis time zone).</param>
/// <param name="Posts">Posts in the window about the topic.</param>
/// <param name="Negative">Negative posts.</param>
/// <param name="Neutral">Neutral posts.</param>
/// <param name="Positive">Positive posts.</param>
/// <param name="MeanScore">Mean sentiment score.</param>
public sealed record SentimentPoint(string Topic, DateOnly WindowStart, int Posts, int Negative, int Neutral, int Positive, double MeanScore)
{
    /// <summary>(positive − negative) / posts, in [-1, 1].</summary>
    public double NetSentiment => Posts == 0 ? double.NaN : (double)(Positive - Negative) / Posts;
}

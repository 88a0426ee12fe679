namespace Polder.Analysis;

/// <summary>How much of a community is about one topic (or complaint category), and in what tone. Immutable.</summary>
/// <param name="Topic">The topic label.</param>
/// <param name="Posts">Posts about it.</param>
/// <param name="Share">Share of all posts (0 … 1).</param>
/// <param name="Negative">Negative posts.</param>
/// <param name="Neutral">Neutral posts.</param>
/// <param name="Positive">Positive posts.</param>
/// <param name="MeanSentiment">Mean sentiment score.</param>
public sealed record TopicShare(string Topic, int Posts, double Share, int Negative, int Neutral, int Positive, double MeanSentiment)
{
    /// <summary>(positive − negative) / posts, in [-1, 1].</summary>
    public double NetSentiment => Posts == 0 ? double.NaN : (double)(Positive - Negative) / Posts;
}

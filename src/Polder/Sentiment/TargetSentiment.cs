namespace Polder.Sentiment;

/// <summary>The sentiment expressed about one target (a person, party, hashtag or topic) in a text.</summary>
/// <param name="Target">The target as first written (a mention, hashtag, name or a target given by the caller).</param>
/// <param name="Mentions">In how many sentences it occurs.</param>
/// <param name="Label">The label of <paramref name="Score"/>.</param>
/// <param name="Score">The mean score of the sentences that mention it, in [-1, 1].</param>
/// <param name="Sentences">Indices of those sentences in <see cref="AspectSentimentResult.Sentences"/>.</param>
public sealed record TargetSentiment(string Target, int Mentions, SentimentLabel Label, double Score, IReadOnlyList<int> Sentences);

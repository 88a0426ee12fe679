namespace Polder.Sentiment;

/// <summary>The sentiment of one sentence of a text.</summary>
/// <param name="Start">Offset of the sentence in the text.</param>
/// <param name="Length">Its length.</param>
/// <param name="Text">The sentence.</param>
/// <param name="Label">Its label.</param>
/// <param name="Score">Its score in [-1, 1].</param>
/// <param name="Contributions">Its sentiment-bearing tokens; weights add up to <paramref name="Score"/>.</param>
public sealed record SentenceSentiment(int Start, int Length, string Text, SentimentLabel Label, double Score, IReadOnlyList<SentimentContribution> Contributions);

namespace Polder.Sentiment;

/// <summary>The sentiment of one text, with the tokens that decided it.</summary>
/// <param name="Label">Positive, negative or neutral.</param>
/// <param name="Score">The polarity in [-1, 1]; the label follows from it and the analyser's thresholds.</param>
/// <param name="Contributions">The tokens that carried sentiment, in text order; their weights add up to <paramref name="Score"/>.</param>
public sealed record SentimentResult(SentimentLabel Label, double Score, IReadOnlyList<SentimentContribution> Contributions);

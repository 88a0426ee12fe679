namespace Polder.Sentiment;

/// <summary>A trained model's prediction for one text.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Score">P(positive) − P(negative), in [-1, 1].</param>
/// <param name="Negative">P(negative).</param>
/// <param name="Neutral">P(neutral).</param>
/// <param name="Positive">P(positive).</param>
public readonly record struct SentimentPrediction(SentimentLabel Label, double Score, double Negative, double Neutral, double Positive);

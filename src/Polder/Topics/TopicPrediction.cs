namespace Polder.Topics;

/// <summary>The outcome of <see cref="TopicClassifier.Predict(string, int)"/>.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Confidence">Its probability (softmax for multi-class, per-label sigmoid for multi-label).</param>
/// <param name="Top">The most probable labels with their probabilities, best first.</param>
/// <param name="Labels">Multi-label models: every label at or above the threshold; multi-class: just <paramref name="Label"/>.</param>
public sealed record TopicPrediction(string Label, float Confidence, IReadOnlyList<KeyValuePair<string, float>> Top, IReadOnlyList<string> Labels);

/// <summary>One n-gram's share of a label's score in a prediction.</summary>
/// <param name="Ngram">The word n-gram, or a character n-gram in brackets (spaces as <c>_</c>).</param>
/// <param name="Weight">Feature value times the label's weight: positive pushes towards the label.</param>
public sealed record NgramContribution(string Ngram, float Weight);

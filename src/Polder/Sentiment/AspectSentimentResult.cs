namespace Polder.Sentiment;

/// <summary>Aspect-level sentiment of a text: overall, per sentence and per mentioned target.</summary>
/// <param name="Overall">The whole text's sentiment.</param>
/// <param name="Sentences">One result per sentence, in order.</param>
/// <param name="Targets">One result per target, in order of first mention.</param>
public sealed record AspectSentimentResult(SentimentResult Overall, IReadOnlyList<SentenceSentiment> Sentences, IReadOnlyList<TargetSentiment> Targets);

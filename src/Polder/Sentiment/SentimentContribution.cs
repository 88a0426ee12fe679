namespace Polder.Sentiment;

/// <summary>
/// One token's share of a sentiment score. The weights of all contributions of a result add up to its score.
/// </summary>
/// <param name="Start">Offset of the token in the text.</param>
/// <param name="Length">Length of the token.</param>
/// <param name="Text">The token as written.</param>
/// <param name="Prior">The token's value in the lexicon, before rules, in [-1, 1].</param>
/// <param name="Weight">Its share of the final score, after rules and squashing into [-1, 1].</param>
/// <param name="Cues">The rules that changed it.</param>
public readonly record struct SentimentContribution(int Start, int Length, string Text, double Prior, double Weight, SentimentCues Cues);

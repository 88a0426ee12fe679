namespace Polder.Analysis;

/// <summary>How many posts of a community are in one language, and whether the Dutch layers read them. Immutable.</summary>
/// <param name="Language">ISO 639-1 code ("nl", "en", …) or "unknown".</param>
/// <param name="Posts">Posts identified as this language.</param>
/// <param name="Share">Their share of all posts.</param>
/// <param name="Analysed">True when the Dutch layers (sentiment, topics, complaint categories, places) read these posts.</param>
public sealed record LanguageShare(string Language, int Posts, double Share, bool Analysed);

namespace Polder.Analysis;

/// <summary>An undirected, weighted link between two actors of the network (interactions either way added up).</summary>
/// <param name="Source">One actor.</param>
/// <param name="Target">The other actor.</param>
/// <param name="Weight">Number of interactions (replies, mentions, retweets, quotes) between them.</param>
public sealed record NetworkLink(string Source, string Target, double Weight);

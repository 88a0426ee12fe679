namespace Polder.Topics.Discovery;

/// <summary>One discovered topic.</summary>
/// <param name="Id">0 for the largest topic, 1 for the next, …</param>
/// <param name="Label">Its most distinctive words and phrases, in the form the posts write them ("afval, container, ophalen").</param>
/// <param name="Terms">The ten most distinctive terms (class-based TF-IDF), best first.</param>
/// <param name="Size">Posts assigned to it.</param>
/// <param name="Share">Its share of the posts that have a topic.</param>
/// <param name="Examples">Indices of its most representative posts (highest <see cref="TopicAssignment.Affinity"/> first, distinct texts).</param>
/// <param name="Trend">Posts per window, when the posts have times; empty otherwise.</param>
public sealed record DiscoveredTopic(
    int Id, string Label, IReadOnlyList<string> Terms, int Size, double Share,
    IReadOnlyList<int> Examples, IReadOnlyList<TopicTrendPoint> Trend)
{
    /// <summary>The keys (stems; two stems for a phrase) of <see cref="Terms"/>, for coherence measures.</summary>
    internal IReadOnlyList<string> TermKeys { get; init; } = [];
}

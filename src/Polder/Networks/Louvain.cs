namespace Polder.Networks;

/// <summary>
/// The Louvain method (Blondel et al., 2008): local moving of nodes (with a work queue) and aggregation,
/// repeated until nothing moves. Optimises modularity (with resolution) or CPM on the undirected weighted view.
/// Deterministic for a given seed. Unlike <see cref="Leiden"/> it may return badly connected communities.
/// </summary>
public static class Louvain
{
    /// <summary>Finds communities of <paramref name="graph"/>.</summary>
    public static CommunityPartition Detect(CsrGraph graph, CommunityOptions? options = null) =>
        CommunityEngine.Run(graph, options ?? new CommunityOptions(), refine: false);
}

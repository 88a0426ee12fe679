namespace Polder.Networks;

/// <summary>
/// The Leiden algorithm (Traag, Waltman and van Eck, 2019): fast local moving, randomised refinement,
/// aggregation on the refined partition, repeated until a pass no longer improves the quality. Optimises
/// modularity (with resolution) or CPM on the undirected weighted view. Deterministic for a given seed.
/// Every community of the result is connected (a final check splits any that is not, which only raises the quality).
/// </summary>
public static class Leiden
{
    /// <summary>Finds communities of <paramref name="graph"/>.</summary>
    public static CommunityPartition Detect(CsrGraph graph, CommunityOptions? options = null) =>
        CommunityEngine.Run(graph, options ?? new CommunityOptions(), refine: true);
}

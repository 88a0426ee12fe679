using Polder.Networks;

namespace Polder.Analysis;

/// <summary>
/// The interaction network of a community: who replies to, mentions or re-shares whom. Communities by Leiden
/// (modularity, seeded) on the undirected weighted graph; PageRank on the directed graph; a seeded force-directed
/// layout of the most central actors for drawing. Immutable.
/// </summary>
/// <param name="Graph">The directed interaction graph (edge weight = number of interactions).</param>
/// <param name="Actors">Every actor in the graph, by descending PageRank.</param>
/// <param name="Links">The undirected links between drawn actors (for drawing).</param>
/// <param name="Communities">Number of Leiden communities.</param>
/// <param name="CommunitySizes">Actors per community, community 0 first.</param>
/// <param name="Modularity">Modularity of the partition (resolution 1).</param>
/// <param name="Reciprocity">Share of directed edges that are returned.</param>
/// <param name="Seed">The seed used for Leiden and the layout.</param>
public sealed record NetworkAnalysis(CsrGraph Graph, IReadOnlyList<NetworkActor> Actors, IReadOnlyList<NetworkLink> Links, int Communities,
    IReadOnlyList<int> CommunitySizes, double Modularity, double Reciprocity, int Seed)
{
    /// <summary>Actors (nodes).</summary>
    public int Nodes => Graph.NodeCount;

    /// <summary>Directed edges (distinct actor pairs with an interaction, per direction).</summary>
    public long Edges => Graph.EdgeCount;

    /// <summary>The first <paramref name="count"/> actors by PageRank.</summary>
    public IReadOnlyList<NetworkActor> TopActors(int count = 10) => Actors.Take(count).ToArray();
}

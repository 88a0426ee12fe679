using Polder.Networks;

namespace Polder.Prediction.Features;

/// <summary>
/// Centralities, core numbers, Leiden communities and brokerage of every actor of an interaction graph, as the feature
/// tables use them. Leiden is seeded, so equal graphs give equal communities.
/// </summary>
internal sealed class ActorNetworkMeasures
{
    public CsrGraph Graph { get; }
    public double[] PageRank { get; }
    public double[] Betweenness { get; }
    public int[] Core { get; }
    public int[] Community { get; }
    public int[] CommunitySize { get; }
    public double[] Participation { get; }
    /// <summary>Number of communities other than the actor's own among its neighbours (either direction).</summary>
    public int[] LinkedCommunities { get; }

    public ActorNetworkMeasures(IEnumerable<InteractionEdge> interactions, IEnumerable<string> actors, FeatureTableOptions options)
    {
        Graph = GraphBuilder.FromInteractions(interactions, new InteractionGraphOptions { Directed = true, ExtraActors = actors });
        var undirected = Graph.ToUndirected();
        int n = Graph.NodeCount;
        PageRank = n == 0 ? [] : Networks.PageRank.Compute(Graph);
        // brokerage is about paths in either direction, so betweenness runs on the undirected view
        Betweenness = n <= options.ExactBetweennessLimit
            ? Networks.Betweenness.Compute(undirected)
            : Networks.Betweenness.Approximate(undirected, options.ExactBetweennessLimit, options.Seed);
        Core = KCore.CoreNumbers(undirected);
        var partition = Leiden.Detect(undirected, new CommunityOptions { Seed = options.Seed });
        Community = partition.Membership;
        var sizes = partition.Sizes();
        CommunitySize = Community.Select(c => sizes[c]).ToArray();
        Participation = Roles.ParticipationCoefficient(undirected, Community);
        LinkedCommunities = new int[n];
        var seen = new HashSet<int>();
        for (int v = 0; v < n; v++)
        {
            seen.Clear();
            foreach (var u in undirected.OutNeighbors(v)) if (Community[u] != Community[v]) seen.Add(Community[u]);
            LinkedCommunities[v] = seen.Count;
        }
    }
}

using Polder.Community;
using Polder.Networks;

namespace Polder.Analysis;

/// <summary>Builds the interaction network of a community and measures it.</summary>
internal static class NetworkLayer
{
    public static NetworkAnalysis Run(OnlineCommunity community, AnalysisOptions o) =>
        Run(PostInteractions.Of(community), id => community.FindActor(id)?.Role ?? ActorRole.Unknown, o);

    /// <summary>The network of <paramref name="edges"/> (in the posts' time order, so the node numbering and the groups are those of the whole community).</summary>
    public static NetworkAnalysis Run(IEnumerable<InteractionEdge> edges, Func<string, ActorRole> roleOf, AnalysisOptions o)
    {
        // the same rule as `polder network` (docs/networks.md): an empty or deleted author pools many people into one
        // false hub, so such posts give no interaction edges
        var interactions = edges.Where(e => !PostInteractions.IsUnknownAuthor(e.Source) && !PostInteractions.IsUnknownAuthor(e.Target));
        return Run(GraphBuilder.FromInteractions(interactions, new InteractionGraphOptions { Directed = true }), roleOf, o);
    }

    /// <summary>
    /// Measures the directed interaction graph <paramref name="directed"/> (nodes numbered in the order the actors first
    /// interact, labelled with their ids): groups, PageRank, the drawn actors and their layout.
    /// </summary>
    public static NetworkAnalysis Run(CsrGraph directed, Func<string, ActorRole> roleOf, AnalysisOptions o)
    {
        var undirected = directed.ToUndirected();
        int n = directed.NodeCount;
        var partition = Leiden.Detect(undirected, new CommunityOptions { Seed = o.Seed });
        var pagerank = n == 0 ? [] : PageRank.Compute(directed);
        var order = Enumerable.Range(0, n).OrderByDescending(v => pagerank[v]).ThenBy(v => directed.Label(v), StringComparer.Ordinal).ToArray();

        // draw the most central actors
        var drawn = order.Take(Math.Max(0, o.MaxDrawnNodes)).ToArray();
        var drawnIndex = new Dictionary<int, int>();
        var sub = new GraphBuilder();
        foreach (var v in drawn) drawnIndex[v] = sub.AddNode(undirected.Label(v));
        var links = new List<NetworkLink>();
        foreach (var (s, t, w) in undirected.Edges())
        {
            if (s >= t || !drawnIndex.TryGetValue(s, out var a) || !drawnIndex.TryGetValue(t, out var b)) continue;
            sub.AddEdge(a, b, w);
            links.Add(new NetworkLink(undirected.Label(s), undirected.Label(t), w));
        }
        var (x, y) = ForceLayout.Compute(sub.Build(directed: false), o.Seed);

        var actors = order.Select(v =>
        {
            var id = directed.Label(v);
            bool isDrawn = drawnIndex.TryGetValue(v, out var d);
            return new NetworkActor(id, roleOf(id), partition.Membership[v], pagerank[v],
                directed.InDegree(v), directed.OutDegree(v), isDrawn ? x[d] : double.NaN, isDrawn ? y[d] : double.NaN);
        }).ToArray();
        return new NetworkAnalysis(directed, actors, links, partition.CommunityCount, partition.Sizes(),
            n == 0 ? double.NaN : Modularity.Of(undirected, partition.Membership), n == 0 ? double.NaN : Reciprocity.Overall(directed), o.Seed);
    }
}
